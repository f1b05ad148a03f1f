#pragma once
// The page shown when no project is open: open the bundled sample, a project, a model, or a recent file.

#include <QWidget>

class QListWidget;

namespace tessera::ui {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);
    void setRecentFiles(const QStringList& paths);
    void setSampleAvailable(bool available);

signals:
    void openSampleRequested();
    void openProjectRequested();
    void newFromModelRequested();
    void recentFileRequested(const QString& path);

private:
    QWidget* m_sampleButton;
    QListWidget* m_recent;
};

} // namespace tessera::ui
