// Edit > Preferences, Help > About and the device status of the Devices panel, driven through the real
// main window on the bundled sample project (six emulated devices):
// - size units: Decimal turns every view's sizes into kB/MB/GB, Cancel changes nothing, the choice persists;
// - theme: Dark gives the application, the graph and the charts a dark palette; System gives the old back;
// - About lists a non-empty version for every library the studio links;
// - Probe: the emulated devices reach Ready through the local path, a device at 127.0.0.1 port 1 Failed
//   with the reason; with root and /usr/sbin/sshd, a real sshd: an unknown host key is asked about (yes:
//   Ready and recorded in known_hosts; no: Failed), a changed one refused, an encrypted key's passphrase
//   asked for.
// With TESSERA_SCREENSHOT_DIR set, the dialogs and the window are saved there as PNGs.

#include <QtCharts/QChart>
#include <QtCharts/QValueAxis>
#include <QtTest>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>

#include <functional>
#include <memory>

#include <unistd.h>

#include "deployer/tests/sshd_server.h"
#include "test_support.h"
#include "ui/about_dialog.h"
#include "ui/autosave.h"
#include "ui/device_panel.h"
#include "ui/device_prober.h"
#include "ui/device_table_model.h"
#include "ui/graph_view.h"
#include "ui/main_window.h"
#include "ui/memory_chart.h"
#include "ui/palette.h"
#include "ui/prediction_panel.h"
#include "ui/preferences_dialog.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"

using namespace tessera;
using namespace tessera::ui;

namespace {

// Runs `edit` on the modal dialog `trigger` opens, as soon as it shows.
template <typename Dialog>
void withDialog(const std::function<void()>& trigger, std::function<void(Dialog*)> edit) {
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
        QVERIFY2(dialog, "the dialog did not open");
        seen = true;
        edit(dialog);
    });
    trigger();
    QVERIFY(seen);
}

void saveShot(QWidget* widget, const QString& name) {
    const QString dir = qEnvironmentVariable("TESSERA_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
    }
}

void setCombo(QDialog* dialog, const char* name, int data) {
    auto* combo = dialog->findChild<QComboBox*>(QString::fromLatin1(name));
    QVERIFY(combo);
    const int index = combo->findData(data);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

void press(QDialog* dialog, QDialogButtonBox::StandardButton which) {
    auto* box = dialog->findChild<QDialogButtonBox*>();
    QVERIFY(box && box->button(which));
    box->button(which)->click();
}

} // namespace

class TestPreferences : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProjectModel> m_project;
    std::unique_ptr<MainWindow> m_window;
    QPalette m_startPalette;

    QString nodeBinary() const { return QStringLiteral(TESSERA_BINARY_DIR "/bin/tessera-node"); }

    void openWindow() {
        m_project = std::make_unique<ProjectModel>(ui::test::zooCacheDir());
        MainWindowOptions options;
        options.sampleProject = ui::test::sampleProject();
        options.dataDir = m_dir.path();
        options.offerRecovery = false;
        options.nodeBinary = nodeBinary();
        m_window = std::make_unique<MainWindow>(m_project.get(), m_settings.get(), options);
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openSample());
    }

    // The text of the Memory budget cell of device row 0.
    QString memoryCell() const {
        auto* model = m_window->devicePanel()->tableModel();
        return model->index(0, DeviceTableModel::Memory).data().toString();
    }

    QAction* action(const char* name) const {
        return m_window->findChild<QAction*>(QString::fromLatin1(name));
    }

    void setPreferences(const std::function<void(PreferencesDialog*)>& edit,
                        QDialogButtonBox::StandardButton button = QDialogButtonBox::Ok) {
        QAction* preferences = action("preferencesAction");
        QVERIFY(preferences && preferences->isEnabled());
        withDialog<PreferencesDialog>([preferences] { preferences->trigger(); },
                                      [&](PreferencesDialog* dialog) {
                                          edit(dialog);
                                          press(dialog, button);
                                      });
    }

    // Waits until every listed device row has left Unknown and Connecting.
    void waitForProbe(const QList<int>& rows) {
        auto* model = m_window->devicePanel()->tableModel();
        const auto settled = [&] {
            return std::all_of(rows.begin(), rows.end(), [model](int row) {
                const ProbeState s = model->status(row).state;
                return s == ProbeState::Ready || s == ProbeState::Failed;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 60000);
    }

    ProbeState stateOf(int row) const { return m_window->devicePanel()->tableModel()->status(row).state; }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_startPalette = QApplication::palette();
    }

    void init() {
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_settings->clear();
        openWindow();
    }

    void cleanup() {
        m_window.reset();
        m_project.reset();
        setSizeUnits(cost::SizeUnits::Binary);
    }

    void decimalUnitsReachEveryView() {
        QVERIFY2(memoryCell().endsWith(QStringLiteral(" MiB")), qPrintable(memoryCell()));
        auto* chart = m_window->memoryChart()->chart();
        const auto axisTitle = [chart] {
            return qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).value(0))->titleText();
        };
        QCOMPARE(axisTitle(), QStringLiteral("MiB"));
        auto* predictions = m_window->predictionPanel()->findChild<QTableWidget*>();
        QVERIFY(predictions);
        const auto predictedMemory = [predictions] { return predictions->item(0, 2)->text(); };
        QVERIFY2(predictedMemory().contains(QStringLiteral("iB")), qPrintable(predictedMemory()));

        setPreferences([](PreferencesDialog* dialog) {
            saveShot(dialog, QStringLiteral("preferences.png"));
            setCombo(dialog, "unitsCombo", int(cost::SizeUnits::Decimal));
        });
        QCOMPARE(m_window->preferences().sizeUnits, cost::SizeUnits::Decimal);
        // the same budget, in decimal megabytes, without reopening anything
        QVERIFY2(memoryCell().endsWith(QStringLiteral(" MB")), qPrintable(memoryCell()));
        const qint64 budget = m_project->cluster().devices[0].memoryBytes;
        QCOMPARE(memoryCell(), toQString(cost::formatBytes(budget, cost::SizeUnits::Decimal)));
        QCOMPARE(axisTitle(), QStringLiteral("MB"));
        QVERIFY2(!predictedMemory().contains(QStringLiteral("iB")) &&
                     predictedMemory().contains(QStringLiteral("B")),
                 qPrintable(predictedMemory()));
        QCOMPARE(m_window->memoryChart()->bars()[0].budget, double(budget) / 1e6);
        // the core's default (the CLI's output) is untouched
        QCOMPARE(toQString(cost::formatBytes(1 << 20)), QStringLiteral("1.00 MiB"));

        // kept for the next session
        m_window.reset();
        m_project.reset();
        openWindow();
        QCOMPARE(m_window->preferences().sizeUnits, cost::SizeUnits::Decimal);
        QVERIFY2(memoryCell().endsWith(QStringLiteral(" MB")), qPrintable(memoryCell()));
    }

    void cancelChangesNothing() {
        const QString cell = memoryCell();
        const Preferences before = m_window->preferences();
        const QColor window = QApplication::palette().color(QPalette::Window);
        const QStringList keys = m_settings->allKeys();
        setPreferences(
            [](PreferencesDialog* dialog) {
                setCombo(dialog, "unitsCombo", int(cost::SizeUnits::Decimal));
                setCombo(dialog, "themeCombo", int(Theme::Dark));
                dialog->findChild<QSpinBox*>(QStringLiteral("autosaveSpin"))->setValue(600);
            },
            QDialogButtonBox::Cancel);
        QVERIFY(m_window->preferences() == before);
        QCOMPARE(memoryCell(), cell);
        QCOMPARE(QApplication::palette().color(QPalette::Window), window);
        QCOMPARE(m_window->autosave()->timer()->interval(), before.autosaveSeconds * 1000);
        QCOMPARE(m_settings->allKeys(), keys);
    }

    void darkThemeAndBack() {
        QVERIFY(!isDarkPalette(QApplication::palette()));
        setPreferences([](PreferencesDialog* dialog) {
            setCombo(dialog, "themeCombo", int(Theme::Dark));
            dialog->findChild<QSpinBox*>(QStringLiteral("autosaveSpin"))->setValue(120);
        });
        QCOMPARE(m_window->preferences().theme, Theme::Dark);
        QVERIFY(isDarkPalette(QApplication::palette()));
        // widgets take the application's palette from the event loop
        QTRY_VERIFY(isDarkPalette(m_window->palette()));
        QTRY_VERIFY(isDarkPalette(m_window->devicePanel()->palette()));
        QCOMPARE(m_window->autosave()->timer()->interval(), 120 * 1000);
        // the graph's canvas and the memory chart follow; text stays readable on them
        QTRY_COMPARE(m_window->graphView()->backgroundBrush().color(),
                     m_window->palette().color(QPalette::Base));
        auto* chart = m_window->memoryChart()->chart();
        QVERIFY(chart->backgroundBrush().color().lightnessF() < 0.3);
        QVERIFY(chart->titleBrush().color().lightnessF() > 0.7);
        saveShot(m_window.get(), QStringLiteral("studio-dark.png"));

        setPreferences([](PreferencesDialog* dialog) { setCombo(dialog, "themeCombo", int(Theme::System)); });
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_startPalette.color(QPalette::Window));
        QTRY_VERIFY(!isDarkPalette(m_window->palette()));
        QTRY_VERIFY(m_window->graphView()->backgroundBrush().color().lightnessF() > 0.9);
        QVERIFY(chart->backgroundBrush().color().lightnessF() > 0.9);
    }

    void aboutListsEveryLibrary() {
        const auto versions = libraryVersions();
        QStringList names;
        for (const auto& [library, version] : versions) {
            names.append(library);
            QVERIFY2(!version.trimmed().isEmpty(), qPrintable(library));
        }
        QCOMPARE(names, QStringList({"Qt", "GLPK", "libssh", "OpenSSL", "ZeroMQ", "Protocol Buffers", "ONNX",
                                     "Eigen", "OpenBLAS", "FFmpeg", "Graphviz"}));
        QCOMPARE(versions[0].second, QString::fromLatin1(qVersion()));
        // a version looks like one: a digit in it
        for (const auto& [library, version] : versions) {
            QVERIFY2(version.contains(QRegularExpression(QStringLiteral("\\d"))) ||
                         library == QStringLiteral("OpenBLAS"),
                     qPrintable(library + QStringLiteral(": ") + version));
        }

        QAction* about = action("aboutAction");
        QVERIFY(about);
        withDialog<AboutDialog>([about] { about->trigger(); },
                                [&](AboutDialog* dialog) {
                                    auto* table =
                                        dialog->findChild<QTableWidget*>(QStringLiteral("libraryTable"));
                                    QVERIFY(table);
                                    QCOMPARE(table->rowCount(), int(versions.size()));
                                    for (int row = 0; row < table->rowCount(); ++row) {
                                        QCOMPARE(table->item(row, 0)->text(), versions[row].first);
                                        QCOMPARE(table->item(row, 1)->text(), versions[row].second);
                                    }
                                    QVERIFY(dialog->versionsText().contains(QStringLiteral("GLPK: ")));
                                    saveShot(dialog, QStringLiteral("about.png"));
                                    dialog->reject();
                                });
        QVERIFY(action("aboutQtAction"));
    }

    void probeReachesReadyAndFailed() {
        auto* panel = m_window->devicePanel();
        auto* model = panel->tableModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int emulated = model->rowCount();
        QCOMPARE(emulated, 6);
        QCOMPARE(model->status(0).state, ProbeState::Unknown);
        QCOMPARE(model->index(0, DeviceTableModel::Status).data().toString(), QStringLiteral("Unknown"));

        // a device nobody listens for: 127.0.0.1 port 1
        cost::Device unreachable = m_project->cluster().devices[0];
        unreachable.name = "unreachable";
        unreachable.host = "127.0.0.1";
        cost::SshSettings ssh;
        ssh.port = 1;
        ssh.user = "nobody";
        unreachable.ssh = ssh;
        QVERIFY(panel->addDevice(unreachable));
        QCOMPARE(model->rowCount(), emulated + 1);

        QSignalSpy finished(panel->prober(), &DeviceProber::finished);
        QVERIFY(panel->probeAll());
        QList<int> rows;
        for (int row = 0; row <= emulated; ++row) {
            rows.append(row);
        }
        waitForProbe(rows);
        for (int row = 0; row < emulated; ++row) {
            const DeviceStatus status = model->status(row);
            QVERIFY2(status.state == ProbeState::Ready, qPrintable(status.reason));
            QVERIFY(status.local);
            QVERIFY(!status.facts.arch.empty());
            QVERIFY(status.facts.memoryTotalBytes > 0);
            QVERIFY(status.facts.nodeVersion.rfind("tessera-node ", 0) == 0);
            const QString text = model->index(row, DeviceTableModel::Status).data().toString();
            QVERIFY2(text.startsWith(QStringLiteral("Ready: ")) &&
                         text.contains(toQString(status.facts.arch)),
                     qPrintable(text));
            QVERIFY(model->index(row, DeviceTableModel::Status)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("Memory: ")));
        }
        const DeviceStatus failed = model->status(emulated);
        QCOMPARE(failed.state, ProbeState::Failed);
        QVERIFY2(failed.reason.contains(QStringLiteral("cannot connect")), qPrintable(failed.reason));
        QCOMPARE(model->index(emulated, DeviceTableModel::Status).data(Qt::ToolTipRole).toString(),
                 failed.reason);
        QCOMPARE(model->index(emulated, DeviceTableModel::Status).data().toString(),
                 QStringLiteral("Failed"));
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(!panel->prober()->isRunning());
        saveShot(m_window.get(), QStringLiteral("studio-devices.png"));
        // the panel alone, wide enough for every column
        auto* dock = qobject_cast<QDockWidget*>(panel->parentWidget());
        QVERIFY(dock);
        dock->setFloating(true);
        dock->resize(1250, 300);
        panel->view()->resizeColumnsToContents();
        QTest::qWait(50);
        saveShot(panel, QStringLiteral("devices-panel.png"));
        dock->setFloating(false);

        // the status follows the units, too
        setPreferences(
            [](PreferencesDialog* dialog) { setCombo(dialog, "unitsCombo", int(cost::SizeUnits::Decimal)); });
        QVERIFY(model->index(0, DeviceTableModel::Status).data().toString().endsWith(QStringLiteral(" GB")));

        // a node binary that is not there: the local path fails and says why
        m_window->applyPreferences([&] {
            Preferences p = m_window->preferences();
            p.nodeDir = m_dir.filePath(QStringLiteral("no-such-folder"));
            return p;
        }());
        panel->view()->selectRow(1);
        QVERIFY(panel->probeSelected());
        QCOMPARE(model->status(1).state, ProbeState::Connecting);
        QCOMPARE(model->status(0).state, ProbeState::Ready); // not selected: not probed again
        waitForProbe({1});
        QCOMPARE(stateOf(1), ProbeState::Failed);
        QVERIFY2(model->status(1).reason.contains(QStringLiteral("no runnable tessera-node")),
                 qPrintable(model->status(1).reason));
    }

    void probeOverSsh() {
        if (geteuid() != 0 || !QFile::exists(QStringLiteral("/usr/sbin/sshd"))) {
            QSKIP("needs root and /usr/sbin/sshd (OpenSSH server)");
        }
        const auto path = [this](const QString& name) { return m_dir.filePath(name); };
        QFile::remove(path(QStringLiteral("client_key")));
        QFile::remove(path(QStringLiteral("client_key.pub")));
        // an encrypted client key: its passphrase is asked for
        QVERIFY(tessera::test::runTool(
            QStringLiteral("ssh-keygen"),
            {"-q", "-t", "ed25519", "-N", "secret phrase", "-f", path(QStringLiteral("client_key"))}));
        QDir().mkpath(path(QStringLiteral("device")));
        tessera::test::SshdServer server(path(QStringLiteral("device")),
                                         path(QStringLiteral("client_key.pub")));
        QVERIFY2(server.start(), "sshd did not start (see device/sshd.log)");
        const QString knownHosts = path(QStringLiteral("probe_known_hosts"));
        QFile::remove(knownHosts);

        auto* panel = m_window->devicePanel();
        auto* model = panel->tableModel();
        cost::Device device = m_project->cluster().devices[0];
        device.name = "sshd";
        device.host = "127.0.0.1";
        cost::SshSettings ssh;
        ssh.user = "root";
        ssh.port = server.port();
        ssh.keyFile = path(QStringLiteral("client_key")).toStdString();
        ssh.knownHosts = knownHosts.toStdString();
        device.ssh = ssh;
        QVERIFY(panel->addDevice(device));
        const int row = model->rowCount() - 1;

        bool trust = false;
        QStringList askedKeys, askedPrompts;
        panel->prober()->setQuestions(
            [&](const QString&, const QString&, const QString& fingerprint) {
                askedKeys.append(fingerprint);
                return trust;
            },
            [&](const QString& prompt) -> std::optional<QString> {
                askedPrompts.append(prompt);
                return QStringLiteral("secret phrase");
            });

        // refused: Failed, nothing recorded
        QVERIFY(panel->probeDevices({row}));
        waitForProbe({row});
        QCOMPARE(stateOf(row), ProbeState::Failed);
        QCOMPARE(askedKeys.size(), 1);
        QVERIFY(askedKeys[0].startsWith(QStringLiteral("SHA256:")));
        QVERIFY2(model->status(row).reason.contains(QStringLiteral("not trusted")),
                 qPrintable(model->status(row).reason));
        QVERIFY(!QFile::exists(knownHosts) || QFileInfo(knownHosts).size() == 0);

        // trusted: Ready, the key recorded, the passphrase asked
        trust = true;
        QVERIFY(panel->probeDevices({row}));
        waitForProbe({row});
        QVERIFY2(stateOf(row) == ProbeState::Ready, qPrintable(model->status(row).reason));
        QCOMPARE(askedKeys.size(), 2);
        QVERIFY(!askedPrompts.isEmpty());
        QCOMPARE(toQString(model->status(row).facts.fingerprint), askedKeys[1]);
        QVERIFY(!model->status(row).local);
        QVERIFY(QFileInfo(knownHosts).size() > 0);

        // known now: not asked again
        QVERIFY(panel->probeDevices({row}));
        waitForProbe({row});
        QCOMPARE(stateOf(row), ProbeState::Ready);
        QCOMPARE(askedKeys.size(), 2);

        // the device "reinstalled": a changed key is refused whatever the answer would be
        server.stop();
        QVERIFY(server.newHostKey());
        QVERIFY(server.start(ssh.port));
        QVERIFY(panel->probeDevices({row}));
        waitForProbe({row});
        QCOMPARE(stateOf(row), ProbeState::Failed);
        QVERIFY(model->status(row).hostKeyChanged);
        QCOMPARE(askedKeys.size(), 2);
        QVERIFY(model->status(row).reason.contains(QStringLiteral("HOST KEY HAS CHANGED")));
        // the loud refusal is a message box of its own
        QTRY_VERIFY(m_window->findChild<QMessageBox*>());
        delete m_window->findChild<QMessageBox*>();
    }
};

QTEST_MAIN(TestPreferences)
#include "test_preferences.moc"
