#include "ui/about_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QTableWidget>
#include <QVBoxLayout>

#include "deployer/library_version.h"
#include "ui/graph_layout.h"
#include "ui/qt_convert.h"

namespace tessera::ui {

QList<QPair<QString, QString>> libraryVersions() {
    QList<QPair<QString, QString>> versions{{QStringLiteral("Qt"), QString::fromLatin1(qVersion())}};
    for (const auto& [library, version] : deployer::linkedLibraryVersions()) {
        versions.append({toQString(library), toQString(version)});
    }
    versions.append({QStringLiteral("Graphviz"), graphvizVersion()});
    return versions;
}

QString buildDescription() {
#if defined(__clang__)
    const QString compiler = QStringLiteral("Clang ") + QStringLiteral(__clang_version__);
#elif defined(__GNUC__)
    const QString compiler = QStringLiteral("GCC ") + QStringLiteral(__VERSION__);
#else
    const QString compiler = AboutDialog::tr("an unknown compiler");
#endif
    return AboutDialog::tr("%1, %2, built against Qt %3")
        .arg(compiler.trimmed(), QSysInfo::buildAbi(), QStringLiteral(QT_VERSION_STR));
}

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
    , m_versions(libraryVersions()) {
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Tessera Studio"));
    auto* layout = new QVBoxLayout(this);
    auto* header = new QLabel(
        tr("<h3>Tessera Studio %1</h3><p>Distributed CNN inference on edge devices: design the partition, "
           "check memory and latency before anything runs, deploy and watch the cluster run.</p>")
            .arg(QStringLiteral(TESSERA_VERSION)),
        this);
    header->setObjectName(QStringLiteral("aboutHeader"));
    header->setWordWrap(true);
    layout->addWidget(header);
    auto* build = new QLabel(tr("Build: %1").arg(buildDescription()), this);
    build->setObjectName(QStringLiteral("aboutBuild"));
    build->setWordWrap(true);
    build->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(build);

    auto* table = new QTableWidget(int(m_versions.size()), 2, this);
    table->setObjectName(QStringLiteral("libraryTable"));
    table->setHorizontalHeaderLabels({tr("Library"), tr("Version")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int row = 0; row < m_versions.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(m_versions[row].first));
        table->setItem(row, 1, new QTableWidgetItem(m_versions[row].second));
    }
    table->resizeColumnToContents(0);
    table->horizontalHeader()->setStretchLastSection(true);
    // every library in view, without scrolling
    int height = table->horizontalHeader()->height() + 2 * table->frameWidth();
    for (int row = 0; row < table->rowCount(); ++row) {
        height += table->rowHeight(row);
    }
    table->setMinimumSize(560, height);
    layout->addWidget(table);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* copy = buttons->addButton(tr("&Copy Versions"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy the program's and the libraries' versions, for a bug report"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(versionsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString AboutDialog::versionsText() const {
    QStringList lines = {QStringLiteral("Tessera Studio %1").arg(QStringLiteral(TESSERA_VERSION)),
                         buildDescription()};
    for (const auto& [library, version] : m_versions) {
        lines.append(QStringLiteral("%1: %2").arg(library, version));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace tessera::ui
