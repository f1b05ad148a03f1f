#include "ui/report_export_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <algorithm>

namespace tessera::ui {
namespace {

// The formats in the combo's order, by extension.
const QStringList kSuffixes = {QStringLiteral(".html"), QStringLiteral(".pdf"), QStringLiteral(".csv"),
                               QStringLiteral(".json")};

// The index in kSuffixes of `path`'s extension; -1 when it has none of them.
int formatOf(const QString& path) {
    for (int i = 0; i < kSuffixes.size(); ++i) {
        if (path.endsWith(kSuffixes[i], Qt::CaseInsensitive)) {
            return i;
        }
    }
    return -1;
}

} // namespace

ReportExportDialog::ReportExportDialog(const QString& path, const QString& planFolder, Exporter exporter,
                                       QWidget* parent)
    : QDialog(parent)
    , m_exporter(std::move(exporter))
    , m_planFolder(planFolder)
    , m_path(new QLineEdit(QDir::toNativeSeparators(path), this))
    , m_format(new QComboBox(this))
    , m_compare(new QCheckBox(tr("&Compare with a second plan"), this))
    , m_plan(new QLineEdit(this))
    , m_browsePlan(new QPushButton(tr("Bro&wse…"), this))
    , m_error(new QLabel(this)) {
    setWindowTitle(tr("Export Report"));
    m_path->setObjectName(QStringLiteral("reportPathEdit"));
    m_format->setObjectName(QStringLiteral("reportFormatCombo"));
    m_compare->setObjectName(QStringLiteral("compareCheck"));
    m_plan->setObjectName(QStringLiteral("comparePlanEdit"));
    m_error->setObjectName(QStringLiteral("exportErrorLabel"));
    m_format->addItems({tr("HTML page"), tr("PDF document"), tr("CSV tables"), tr("JSON")});
    m_format->setCurrentIndex(std::max(0, formatOf(path)));
    m_path->setMinimumWidth(420);
    m_plan->setPlaceholderText(tr("plan.json"));
    m_compare->setToolTip(tr("Put a second plan beside the project's: stages, memory, traffic, latency and "
                             "throughput of both, as tessera report --compare does"));

    auto* browseReport = new QPushButton(tr("&Browse…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browseReport);
    auto* planRow = new QHBoxLayout;
    planRow->addWidget(m_plan, 1);
    planRow->addWidget(m_browsePlan);
    auto* fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    auto* formatLabel = new QLabel(tr("F&ormat:"), this);
    formatLabel->setBuddy(m_format);
    auto* planLabel = new QLabel(tr("&Plan file:"), this);
    planLabel->setBuddy(m_plan);
    auto* hint = new QLabel(tr("A plan file (JSON) for this project's model and cluster, as tessera plan or "
                               "tessera optimize writes it. The report compares it with the project's plan."),
                            this);
    hint->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #c00000;"));
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Export"));
    auto* form = new QFormLayout(this);
    form->addRow(fileLabel, fileRow);
    form->addRow(formatLabel, m_format);
    form->addRow(m_compare);
    form->addRow(planLabel, planRow);
    form->addRow(hint);
    form->addRow(m_error);
    form->addRow(buttons);

    connect(browseReport, &QPushButton::clicked, this, &ReportExportDialog::browseReport);
    connect(m_browsePlan, &QPushButton::clicked, this, &ReportExportDialog::browsePlan);
    connect(m_format, &QComboBox::activated, this, &ReportExportDialog::formatChosen);
    connect(m_path, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (const int format = formatOf(text); format >= 0) {
            m_format->setCurrentIndex(format);
        }
        updateState();
    });
    connect(m_compare, &QCheckBox::toggled, this, &ReportExportDialog::updateState);
    connect(m_plan, &QLineEdit::textChanged, this, &ReportExportDialog::updateState);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReportExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

QString ReportExportDialog::reportPath() const {
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    return path.isEmpty() || formatOf(path) >= 0 ? path : path + kSuffixes[m_format->currentIndex()];
}

QString ReportExportDialog::comparePlan() const {
    return m_compare->isChecked() ? QDir::fromNativeSeparators(m_plan->text().trimmed()) : QString();
}

void ReportExportDialog::formatChosen() {
    QString path = m_path->text().trimmed();
    if (const int format = formatOf(path); format >= 0) {
        path.chop(kSuffixes[format].size());
    }
    if (!path.isEmpty()) {
        m_path->setText(path + kSuffixes[m_format->currentIndex()]);
    }
}

void ReportExportDialog::browseReport() {
    const QStringList filters = {tr("HTML page (*.html)"), tr("PDF document (*.pdf)"),
                                 tr("CSV tables (*.csv)"), tr("JSON (*.json)")};
    QString filter = filters.value(m_format->currentIndex());
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Report"), reportPath(),
                                                      filters.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty()) {
        return;
    }
    m_format->setCurrentIndex(formatOf(path) >= 0 ? formatOf(path)
                                                  : std::max(0, int(filters.indexOf(filter))));
    m_path->setText(QDir::toNativeSeparators(path));
    formatChosen(); // the extension of the chosen type when the name has none
    updateState();
}

void ReportExportDialog::browsePlan() {
    const QString start = m_plan->text().trimmed().isEmpty() ? m_planFolder : m_plan->text().trimmed();
    const QString path = QFileDialog::getOpenFileName(this, tr("Plan to Compare"), start,
                                                      tr("Plan files (*.json);;All files (*)"));
    if (!path.isEmpty()) {
        m_compare->setChecked(true);
        m_plan->setText(QDir::toNativeSeparators(path));
    }
}

void ReportExportDialog::updateState() {
    m_plan->setEnabled(m_compare->isChecked()); // Browse… stays enabled: picking a plan turns it on
    m_ok->setEnabled(!m_path->text().trimmed().isEmpty() &&
                     (!m_compare->isChecked() || !comparePlan().isEmpty()));
}

void ReportExportDialog::accept() {
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = m_exporter(reportPath(), comparePlan(), &error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        m_error->setText(error);
        m_error->show();
        // room for the wrapped message at the dialog's width (a minimum size does not count wrapped lines)
        resize(width(), std::max(height(), heightForWidth(width())));
        return;
    }
    QDialog::accept();
}

} // namespace tessera::ui
