#pragma once
// "Fuse as tile block": the grid (rows x columns of the block's output) and DeepThings' data reuse and work
// stealing options for the selected layer range.

#include <QDialog>

#include "ui/plan_edit.h"

class QCheckBox;
class QSpinBox;

namespace tessera::ui {

class FuseDialog : public QDialog {
    Q_OBJECT
public:
    // `range`: the layers, for the title ("conv_0 … conv_15_leaky").
    FuseDialog(const QString& range, const TileSettings& initial, QWidget* parent = nullptr);
    TileSettings settings() const;

    QSpinBox* rowsEdit() const { return m_rows; }
    QSpinBox* columnsEdit() const { return m_columns; }
    QCheckBox* reuseEdit() const { return m_reuse; }
    QCheckBox* stealingEdit() const { return m_stealing; }

private:
    QSpinBox* m_rows;
    QSpinBox* m_columns;
    QCheckBox* m_reuse;
    QCheckBox* m_stealing;
};

} // namespace tessera::ui
