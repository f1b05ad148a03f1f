#pragma once
// Edit > Preferences: edits a copy of the preferences; the caller applies preferences() when the dialog is
// accepted (Cancel leaves everything as it was).

#include <QDialog>

#include "ui/preferences.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace tessera::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences& current, QWidget* parent = nullptr);

    // The preferences as the dialog shows them.
    Preferences preferences() const;

private:
    QLineEdit* addFolder(const QString& name, const QString& text, const QString& placeholder);

    QComboBox* m_language;
    QComboBox* m_theme;
    QComboBox* m_units;
    QLineEdit* m_modelDir = nullptr;
    QLineEdit* m_projectDir = nullptr;
    QLineEdit* m_nodeDir = nullptr;
    QSpinBox* m_autosave;
};

} // namespace tessera::ui
