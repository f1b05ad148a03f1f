#pragma once
// File > Export Report…: where the report goes and in which format (HTML, PDF, CSV or JSON; the file's
// extension follows the format), and optionally a second plan to compare side by side with the project's -
// a plan file (JSON, as `tessera plan` and `tessera optimize` write it), as `tessera report --compare` does.
// OK runs the export given to the dialog; when it fails the message (naming the file and what is wrong)
// shows in the dialog, which stays open with what the user entered.

#include <QDialog>
#include <QString>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tessera::ui {

class ReportExportDialog : public QDialog {
    Q_OBJECT
public:
    // Writes the report to `path`, compared with the plan file `comparePlan` (empty: none); false with
    // `error` set on failure.
    using Exporter = std::function<bool(const QString& path, const QString& comparePlan, QString* error)>;

    // `path`: the suggested file (its extension picks the format); `planFolder`: where the plan file
    // browser starts.
    ReportExportDialog(const QString& path, const QString& planFolder, Exporter exporter,
                       QWidget* parent = nullptr);

    // The report file, with the chosen format's extension added when it has none of the four.
    QString reportPath() const;
    // The plan file to compare with; empty when the comparison is off.
    QString comparePlan() const;

    void accept() override;

private:
    void formatChosen();
    void browseReport();
    void browsePlan();
    void updateState();

    Exporter m_exporter;
    QString m_planFolder;
    QLineEdit* m_path;
    QComboBox* m_format;
    QCheckBox* m_compare;
    QLineEdit* m_plan;
    QPushButton* m_browsePlan;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
};

} // namespace tessera::ui
