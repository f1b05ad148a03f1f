#include "ui/fuse_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

namespace tessera::ui {

FuseDialog::FuseDialog(const QString& range, const TileSettings& initial, QWidget* parent)
    : QDialog(parent)
    , m_rows(new QSpinBox(this))
    , m_columns(new QSpinBox(this))
    , m_reuse(
          new QCheckBox(tr("&Data reuse (odd tiles fetch border strips instead of recomputing them)"), this))
    , m_stealing(new QCheckBox(tr("&Work stealing (idle devices take pending tiles)"), this)) {
    setWindowTitle(tr("Fuse as Tile Block"));
    m_rows->setRange(1, 64);
    m_rows->setValue(initial.rows);
    m_columns->setRange(1, 64);
    m_columns->setValue(initial.columns);
    m_reuse->setChecked(initial.reuse);
    m_stealing->setChecked(initial.stealing);

    auto* grid = new QHBoxLayout;
    grid->addWidget(m_rows);
    grid->addWidget(new QLabel(QStringLiteral("×"), this));
    grid->addWidget(m_columns);
    grid->addStretch();
    auto* form = new QFormLayout(this);
    auto* heading =
        new QLabel(tr("Layers %1 run as one fused block: each device computes whole tiles of the "
                      "block's output through every layer, without exchanging data inside the block.")
                       .arg(range),
                   this);
    heading->setWordWrap(true);
    form->addRow(heading);
    // a row of two spin boxes: its label needs a buddy for the accelerator to show and work
    auto* gridLabel = new QLabel(tr("&Grid (rows × columns):"), this);
    gridLabel->setBuddy(m_rows);
    form->addRow(gridLabel, grid);
    form->addRow(m_reuse);
    form->addRow(m_stealing);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

TileSettings FuseDialog::settings() const {
    return {m_rows->value(), m_columns->value(), m_reuse->isChecked(), m_stealing->isChecked()};
}

} // namespace tessera::ui
