#pragma once
// Translated texts of the Qt-free core (core/, deployer/), whose errors, plan problems and progress stages
// are plain English by design. A catalogue of the core's message templates (English, %1… where the core
// inserts names and numbers; context "CoreText" in translations/*.ts) is matched against a message:
// first as a whole, else split at the joiners the core uses (lines of a list with "  - " bullets,
// "context: message" prefixes, "a; b" and "a, b" lists, "error - hint"), choosing the split that leaves the
// least English unmatched. Matched parts come out in the installed language with the captured arguments
// (names, sizes, paths) unchanged; an unmatched part stays as the core wrote it, so a message is never
// garbled.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace tessera::ui {

class CoreText {
    Q_DECLARE_TR_FUNCTIONS(CoreText)

public:
    // `message` in the installed language (English when no translator is installed or nothing matches).
    static QString translate(const QString& message);
    static QString translate(const std::string& message);
    static QStringList translate(const std::vector<std::string>& messages);

    // The parts of `message` that no template matched, joined by " | " (empty when every part is matched).
    // A part without a space ahead of ": " ("model.onnx: ", "pi@10.0.0.2:22: ") is a file, field or
    // address, not English text, and counts as matched.
    static QString unmatched(const QString& message);

    // The number of templates in the catalogue.
    static int templateCount();
};

} // namespace tessera::ui
