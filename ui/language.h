#pragma once
// The studio's languages: English (the language of the sources) and the translations compiled into the
// program (translations/tessera_<language>.ts, built into :/i18n/tessera_<language>.qm). A language is named
// by its code: "en", "de", "zh_CN".

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace tessera::ui {

// "en" and the codes of the compiled-in translations, sorted after "en".
QStringList studioLanguages();

// The name of `language` in that language ("Deutsch", "简体中文"); the code itself for an unknown one.
QString languageName(const QString& language);

// The language to show for the preference `chosen`: `chosen` when the studio has it; otherwise (and for ""
// = follow the system) the first of `system`'s UI languages the studio has, else English.
QString resolveLanguage(const QString& chosen, const QLocale& system = QLocale::system());

// The translators of one language, installed into the application while this object lives (or until
// install() is called again). Qt's own translations (its dialogs and buttons, the qt6-translations-l10n
// package) are loaded from QLibraryInfo::TranslationsPath when present.
class StudioTranslations {
public:
    StudioTranslations() = default;
    StudioTranslations(const StudioTranslations&) = delete;
    StudioTranslations& operator=(const StudioTranslations&) = delete;
    ~StudioTranslations();

    // Shows `language` from now on ("en": no translation); false (nothing installed) when the studio has
    // no translation of it. Widgets made before keep their texts.
    bool install(const QString& language);
    // Whether Qt's own translation of the installed language was found.
    bool hasQtTranslation() const { return m_qtInstalled; }

private:
    void remove();

    QTranslator m_studio;
    QTranslator m_qt;
    bool m_studioInstalled = false;
    bool m_qtInstalled = false;
};

} // namespace tessera::ui
