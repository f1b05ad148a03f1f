#include "ui/welcome_page.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
    , m_recent(new QListWidget(this)) {
    auto* title = new QLabel(tr("<h1>Tessera Studio</h1>"), this);
    auto* intro =
        new QLabel(tr("Design how a CNN is split across small edge devices: see every layer's cost, "
                      "fuse layers into tiles, place layers on devices and check each device's "
                      "memory and the predicted latency before anything runs."),
                   this);
    intro->setWordWrap(true);
    auto* sample = new QPushButton(tr("Open the sample project (YOLOv2 on six emulated devices)"), this);
    auto* open = new QPushButton(tr("Open a project…"), this);
    auto* model = new QPushButton(tr("New project from a model…"), this);
    m_sampleButton = sample;
    sample->setDefault(true);
    connect(sample, &QPushButton::clicked, this, &WelcomePage::openSampleRequested);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openProjectRequested);
    connect(model, &QPushButton::clicked, this, &WelcomePage::newFromModelRequested);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit recentFileRequested(item->data(Qt::UserRole).toString()); });

    auto* column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(12);
    column->addWidget(sample);
    column->addWidget(open);
    column->addWidget(model);
    column->addSpacing(12);
    column->addWidget(new QLabel(tr("<b>Recent projects</b>"), this));
    column->addWidget(m_recent);
    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    auto* centre = new QWidget(this);
    centre->setLayout(column);
    centre->setMaximumWidth(620);
    outer->addWidget(centre, 3);
    outer->addStretch(1);
}

void WelcomePage::setRecentFiles(const QStringList& paths) {
    m_recent->clear();
    for (const auto& path : paths) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1 — %2").arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(path)),
            m_recent);
        item->setData(Qt::UserRole, path);
    }
}

void WelcomePage::setSampleAvailable(bool available) {
    m_sampleButton->setEnabled(available);
}

} // namespace tessera::ui
