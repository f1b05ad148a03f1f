#include "ui/preferences_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/language.h"

namespace tessera::ui {

PreferencesDialog::PreferencesDialog(const Preferences& current, QWidget* parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_units(new QComboBox(this))
    , m_autosave(new QSpinBox(this)) {
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System"), QString());
    for (const auto& language : studioLanguages()) {
        m_language->addItem(languageName(language), language);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(current.language)));
    m_language->setToolTip(
        tr("System: the language of the desktop when Tessera Studio has it, else English"));
    form->addRow(tr("&Language:"), m_language);
    // the windows are made with their texts in one language: another one needs them made again
    auto* note = new QLabel(tr("A new language is shown when Tessera Studio starts again."), this);
    note->setObjectName(QStringLiteral("languageNote"));
    note->setWordWrap(true);
    note->setEnabled(false);
    form->addRow(QString(), note);

    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->addItem(tr("Follow the system"), int(Theme::System));
    m_theme->addItem(tr("Light"), int(Theme::Light));
    m_theme->addItem(tr("Dark"), int(Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(current.theme)));
    form->addRow(tr("&Theme:"), m_theme);

    m_units->setObjectName(QStringLiteral("unitsCombo"));
    m_units->addItem(tr("Binary (KiB, MiB, GiB: powers of 1024)"), int(cost::SizeUnits::Binary));
    m_units->addItem(tr("Decimal (kB, MB, GB: powers of 1000)"), int(cost::SizeUnits::Decimal));
    m_units->setCurrentIndex(m_units->findData(int(current.sizeUnits)));
    m_units->setToolTip(tr("How sizes are shown in every view; the command line always prints binary units"));
    form->addRow(tr("Size &units:"), m_units);

    m_modelDir = addFolder(QStringLiteral("modelDirEdit"), current.modelDir, tr("the file dialog's default"));
    form->addRow(tr("&Models folder:"), m_modelDir->parentWidget());
    m_projectDir =
        addFolder(QStringLiteral("projectDirEdit"), current.projectDir, tr("the file dialog's default"));
    form->addRow(tr("&Projects folder:"), m_projectDir->parentWidget());
    m_nodeDir = addFolder(QStringLiteral("nodeDirEdit"), current.nodeDir, tr("beside tessera-studio"));
    m_nodeDir->setToolTip(tr("The folder holding the tessera-node that Run starts on this machine and "
                             "copies to the devices (an aarch64 build is looked for in ../aarch64/bin)"));
    form->addRow(tr("tessera-&node folder:"), m_nodeDir->parentWidget());

    m_autosave->setObjectName(QStringLiteral("autosaveSpin"));
    m_autosave->setRange(Preferences::kMinAutosaveSeconds, Preferences::kMaxAutosaveSeconds);
    m_autosave->setSingleStep(15);
    m_autosave->setSuffix(tr(" s"));
    m_autosave->setValue(current.autosaveSeconds);
    m_autosave->setToolTip(tr("How often unsaved changes are written to a side file for crash recovery"));
    form->addRow(tr("&Autosave every:"), m_autosave);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

QLineEdit* PreferencesDialog::addFolder(const QString& name, const QString& text,
                                        const QString& placeholder) {
    auto* row = new QWidget(this);
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(QDir::toNativeSeparators(text), row);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    auto* browse = new QToolButton(row);
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, [this, edit] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a Folder"), edit->text());
        if (!dir.isEmpty()) {
            edit->setText(QDir::toNativeSeparators(dir));
        }
    });
    h->addWidget(edit, 1);
    h->addWidget(browse);
    return edit;
}

Preferences PreferencesDialog::preferences() const {
    Preferences p;
    p.language = m_language->currentData().toString();
    p.theme = Theme(m_theme->currentData().toInt());
    p.sizeUnits = cost::SizeUnits(m_units->currentData().toInt());
    p.modelDir = QDir::fromNativeSeparators(m_modelDir->text().trimmed());
    p.projectDir = QDir::fromNativeSeparators(m_projectDir->text().trimmed());
    p.nodeDir = QDir::fromNativeSeparators(m_nodeDir->text().trimmed());
    p.autosaveSeconds = m_autosave->value();
    return p;
}

} // namespace tessera::ui
