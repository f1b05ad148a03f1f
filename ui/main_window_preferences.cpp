// The main window's Edit > Preferences (applied live to the application and every view) and Help > About.
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QStyle>
#include <QStyleFactory>

#include "ui/about_dialog.h"
#include "ui/autosave.h"
#include "ui/device_panel.h"
#include "ui/device_prober.h"
#include "ui/device_table_model.h"
#include "ui/layer_table.h"
#include "ui/layer_table_model.h"
#include "ui/main_window.h"
#include "ui/memory_chart.h"
#include "ui/prediction_panel.h"
#include "ui/preferences_dialog.h"
#include "ui/project_model.h"
#include "ui/properties_panel.h"
#include "ui/qt_convert.h"
#include "ui/run_panel.h"
#include "ui/run_session.h"
#include "ui/timeline_view.h"

namespace tessera::ui {

QString MainWindow::nodeBinary() const {
    if (!m_preferences.nodeDir.isEmpty()) {
        return QDir(m_preferences.nodeDir).filePath(QStringLiteral("tessera-node"));
    }
    return m_options.nodeBinary.isEmpty()
               ? QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("tessera-node"))
               : m_options.nodeBinary;
}

void MainWindow::applyPreferences(const Preferences& preferences) {
    const bool unitsChanged = preferences.sizeUnits != sizeUnits();
    // m_preferences starts as the defaults (System): an application that follows the system is left alone,
    // so that it keeps following the platform's palette
    const bool themeChanged = preferences.theme != m_preferences.theme;
    m_preferences = preferences;

    if (themeChanged) {
        // Forced themes use Fusion, which draws with the palette on every platform; System gives back the
        // style and palette the application started with.
        const QString style = preferences.theme == Theme::System ? m_systemStyle : QStringLiteral("Fusion");
        if (QApplication::style()->name().compare(style, Qt::CaseInsensitive) != 0) {
            QApplication::setStyle(QStyleFactory::create(style));
        }
        QApplication::setPalette(themePalette(preferences.theme, m_systemPalette));
    }

    m_autosave->timer()->setInterval(preferences.autosaveSeconds * 1000);
    m_prober->setNodeBinary(nodeBinary());
    m_run->session()->setNodeBinary(nodeBinary());
    if (unitsChanged) {
        setSizeUnits(preferences.sizeUnits);
        redrawTexts();
    }
}

void MainWindow::redrawTexts() {
    m_layers->tableModel()->refreshTexts();
    m_devices->tableModel()->refreshTexts();
    if (!m_project->hasProject()) {
        return;
    }
    m_chart->refresh();
    m_predictions->refresh();
    m_properties->refresh();
    if (auto* timeline = findChild<TimelineView*>()) {
        timeline->refresh();
    }
    updateStatus();
}

void MainWindow::showPreferences() {
    PreferencesDialog dialog(m_preferences, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const Preferences chosen = dialog.preferences();
    chosen.save(*m_settings);
    if (!(chosen == m_preferences)) {
        applyPreferences(chosen);
    }
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    dialog.exec();
}

} // namespace tessera::ui
