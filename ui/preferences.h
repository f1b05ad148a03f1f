#pragma once
// The studio's preferences (Edit > Preferences): language, theme, size units, default folders, the autosave
// interval. Kept in QSettings under "preferences/"; MainWindow::applyPreferences() applies them to the open
// views, except the language, which main() installs when the studio starts.

#include <QPalette>
#include <QString>

#include "core/cost/units.h"

class QSettings;

namespace tessera::ui {

enum class Theme { System, Light, Dark };

struct Preferences {
    QString language; // a code of studioLanguages() ("en", "de", "zh_CN"); empty: follow the system
    Theme theme = Theme::System;
    cost::SizeUnits sizeUnits = cost::SizeUnits::Binary;
    QString modelDir;   // where "New Project from Model" starts; empty: the file dialog's default
    QString projectDir; // where Open and Save As start for untitled projects; empty: the dialog's default
    QString nodeDir;    // the folder holding tessera-node for Run; empty: beside the studio
    int autosaveSeconds = 60;
    static constexpr int kMinAutosaveSeconds = 5, kMaxAutosaveSeconds = 3600;

    bool operator==(const Preferences&) const = default;

    // The stored preferences; what is not stored (or not valid) is taken from `defaults`.
    static Preferences load(const QSettings& settings, const Preferences& defaults);
    void save(QSettings& settings) const;
};

// The colours of a theme. System: `system` (the palette the application started with); Light and Dark:
// Fusion-like palettes whatever the platform's theme is.
QPalette themePalette(Theme theme, const QPalette& system);

} // namespace tessera::ui
