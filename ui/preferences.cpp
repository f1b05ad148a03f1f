#include "ui/preferences.h"

#include <QSettings>

#include <algorithm>

#include "ui/language.h"

namespace tessera::ui {

namespace {
const QString kLanguage = QStringLiteral("preferences/language");
const QString kTheme = QStringLiteral("preferences/theme");
const QString kSizeUnits = QStringLiteral("preferences/sizeUnits");
const QString kModelDir = QStringLiteral("preferences/modelDir");
const QString kProjectDir = QStringLiteral("preferences/projectDir");
const QString kNodeDir = QStringLiteral("preferences/nodeDir");
const QString kAutosave = QStringLiteral("preferences/autosaveSeconds");

QString themeKey(Theme theme) {
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}
} // namespace

Preferences Preferences::load(const QSettings& settings, const Preferences& defaults) {
    Preferences p = defaults;
    const QString language = settings.value(kLanguage, defaults.language).toString();
    p.language = studioLanguages().contains(language) ? language : QString();
    const QString theme = settings.value(kTheme, themeKey(defaults.theme)).toString();
    p.theme = theme == themeKey(Theme::Light)  ? Theme::Light
              : theme == themeKey(Theme::Dark) ? Theme::Dark
                                               : Theme::System;
    const QString units = settings.value(kSizeUnits).toString();
    if (units == QStringLiteral("decimal")) {
        p.sizeUnits = cost::SizeUnits::Decimal;
    } else if (units == QStringLiteral("binary")) {
        p.sizeUnits = cost::SizeUnits::Binary;
    }
    p.modelDir = settings.value(kModelDir, defaults.modelDir).toString();
    p.projectDir = settings.value(kProjectDir, defaults.projectDir).toString();
    p.nodeDir = settings.value(kNodeDir, defaults.nodeDir).toString();
    bool ok = false;
    const int seconds = settings.value(kAutosave).toInt(&ok);
    if (ok && seconds > 0) {
        p.autosaveSeconds = std::clamp(seconds, kMinAutosaveSeconds, kMaxAutosaveSeconds);
    }
    return p;
}

void Preferences::save(QSettings& settings) const {
    settings.setValue(kLanguage, language);
    settings.setValue(kTheme, themeKey(theme));
    settings.setValue(kSizeUnits, sizeUnits == cost::SizeUnits::Decimal ? QStringLiteral("decimal")
                                                                        : QStringLiteral("binary"));
    settings.setValue(kModelDir, modelDir);
    settings.setValue(kProjectDir, projectDir);
    settings.setValue(kNodeDir, nodeDir);
    settings.setValue(kAutosave, autosaveSeconds);
}

QPalette themePalette(Theme theme, const QPalette& system) {
    if (theme == Theme::System) {
        return system;
    }
    const bool dark = theme == Theme::Dark;
    // window, base (text fields, tables), text, button, highlight: contrast as Fusion's own palettes have
    const QColor window = dark ? QColor(0x2d, 0x2d, 0x30) : QColor(0xef, 0xef, 0xef);
    const QColor base = dark ? QColor(0x1e, 0x1e, 0x20) : QColor(Qt::white);
    const QColor alternate = dark ? QColor(0x26, 0x26, 0x29) : QColor(0xf5, 0xf5, 0xf5);
    const QColor text = dark ? QColor(0xe8, 0xe8, 0xe8) : QColor(0x1e, 0x1e, 0x1e);
    const QColor disabled = dark ? QColor(0x80, 0x80, 0x80) : QColor(0x9a, 0x9a, 0x9a);
    const QColor button = dark ? QColor(0x3a, 0x3a, 0x3e) : QColor(0xe6, 0xe6, 0xe6);
    const QColor highlight = dark ? QColor(0x2f, 0x6f, 0xc0) : QColor(0x30, 0x8c, 0xc6);
    QPalette p(button, window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, dark ? QColor(0xff, 0x6b, 0x6b) : QColor(Qt::red));
    p.setColor(QPalette::ToolTipBase, dark ? QColor(0x3a, 0x3a, 0x3e) : QColor(0xff, 0xff, 0xdc));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, dark ? QColor(0x6c, 0xb4, 0xff) : QColor(0x1a, 0x5f, 0xb4));
    p.setColor(QPalette::Light, button.lighter(150));
    p.setColor(QPalette::Midlight, button.lighter(120));
    // dark: a mid grey that still stands out from the base (frames, the timeline's transfers)
    p.setColor(QPalette::Mid, dark ? QColor(0x6a, 0x6a, 0x70) : button.darker(130));
    p.setColor(QPalette::Dark, button.darker(160));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    return p;
}

} // namespace tessera::ui
