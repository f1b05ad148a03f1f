#include "ui/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>

namespace tessera::ui {

namespace {

const QString kEnglish = QStringLiteral("en");
const QString kResourceDir = QStringLiteral(":/i18n");

QString studioFile(const QString& language) {
    return kResourceDir + QStringLiteral("/tessera_") + language + QStringLiteral(".qm");
}

// The studio's language for one of the system's UI languages ("de-AT", "zh-Hans-CN"); empty when none fits.
QString matchLanguage(const QLocale& locale, const QStringList& available) {
    const QString full = locale.name(); // "de_AT", "zh_CN"
    if (available.contains(full)) {
        return full;
    }
    if (locale.language() == QLocale::Chinese) {
        // Simplified Chinese is written in mainland China and Singapore; Traditional elsewhere, which
        // zh_CN does not serve
        const bool simplified = locale.script() == QLocale::SimplifiedChineseScript;
        return simplified && available.contains(QStringLiteral("zh_CN")) ? QStringLiteral("zh_CN")
                                                                         : QString();
    }
    const QString language = full.section(QLatin1Char('_'), 0, 0);
    return available.contains(language) ? language : QString();
}

} // namespace

QStringList studioLanguages() {
    QStringList languages;
    const QStringList files =
        QDir(kResourceDir).entryList({QStringLiteral("tessera_*.qm")}, QDir::Files, QDir::Name);
    languages << kEnglish; // the sources' language; its file holds only the plural forms
    for (const auto& file : files) {
        const QString language =
            file.mid(QStringLiteral("tessera_").size()).chopped(QStringLiteral(".qm").size());
        if (language != kEnglish) {
            languages << language;
        }
    }
    return languages;
}

QString languageName(const QString& language) {
    if (language == kEnglish) {
        return QStringLiteral("English");
    }
    if (language == QLatin1String("zh_CN")) {
        // the script, as the language's own name for Simplified Chinese says
        return QStringLiteral("简体中文");
    }
    const QString name = QLocale(language).nativeLanguageName();
    return name.isEmpty() || QLocale(language).language() == QLocale::C
               ? language
               : name.left(1).toUpper() + name.mid(1);
}

QString resolveLanguage(const QString& chosen, const QLocale& system) {
    const QStringList available = studioLanguages();
    if (available.contains(chosen)) {
        return chosen;
    }
    for (const auto& name : system.uiLanguages()) {
        const QLocale locale(name);
        if (locale.language() == QLocale::English) {
            return kEnglish;
        }
        if (const QString match = matchLanguage(locale, available); !match.isEmpty()) {
            return match;
        }
    }
    return kEnglish;
}

StudioTranslations::~StudioTranslations() {
    remove();
}

void StudioTranslations::remove() {
    if (m_studioInstalled) {
        QCoreApplication::removeTranslator(&m_studio);
        m_studioInstalled = false;
    }
    if (m_qtInstalled) {
        QCoreApplication::removeTranslator(&m_qt);
        m_qtInstalled = false;
    }
}

bool StudioTranslations::install(const QString& language) {
    remove();
    if (!m_studio.load(studioFile(language))) {
        return language == kEnglish; // English without its plural forms still reads
    }
    m_studioInstalled = QCoreApplication::installTranslator(&m_studio);
    if (language == kEnglish) {
        return true;
    }
    // qt_<language>.qm gathers qtbase's and the other modules' catalogues
    if (m_qt.load(QStringLiteral("qt_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        m_qtInstalled = QCoreApplication::installTranslator(&m_qt);
    }
    return m_studioInstalled;
}

} // namespace tessera::ui
