#include "ui/core_text.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

#include "ui/core_text_templates.h"

namespace tessera::ui {

namespace {

// The last joint of a list of names; not a template (it would take any "x and y" as matched).
const char* const kNameList = QT_TRANSLATE_NOOP("CoreText", "%1 and %2");
// What the cluster file's "expected ..., found %1" says for a value it does not print.
const char* const kArgumentWords[] = {QT_TRANSLATE_NOOP("CoreText", "an object"),
                                      QT_TRANSLATE_NOOP("CoreText", "an array")};

struct Template {
    const char* english = nullptr;
    QRegularExpression pattern;
    std::vector<int> args; // the placeholder number of each capture group, in order
    qsizetype literal = 0; // characters of fixed text: the more, the more specific
};

// An argument never spans a joiner (": ", "; ") unless the template's own text has one: "%1 on %2 (budget
// %3)" must not take "1 GiB on 'a' (budget 512 MiB): weights of ...; 2 GiB on 'b'" as one part with a list in
// %1. A template with a joiner is a long specific sentence whose arguments may be another library's text.
bool joinsParts(const QString& text) {
    return text.contains(QLatin1String(": ")) || text.contains(QLatin1String("; "));
}

std::vector<Template> compile() {
    static const QRegularExpression placeholder(QStringLiteral("%([1-9])"));
    const QString anyArgument = QStringLiteral("(.*?)");
    // a quoted name may hold a joiner ("'lip equal: fc_4..fc_4'")
    // and a list of them ("'a', 'b' and 'c'"), but not a list of parts ("19 MiB, weights of 'a' 2 MiB")
    // (the alternatives are disjoint - a quoted name, a lone apostrophe, any other character - so a message
    // that does not match fails in linear time instead of trying every way to read its quotes)
    const QString partArgument = QStringLiteral("((?:'[^']*'|'(?![^']*')|(?!: |; |, (?!'))[^'])*?)");
    std::vector<Template> list;
    for (const char* english : coreTextTemplates()) {
        const QString text = QString::fromUtf8(english);
        const QString argument = joinsParts(text) ? anyArgument : partArgument;
        Template t;
        t.english = english;
        QString pattern;
        qsizetype at = 0;
        for (auto it = placeholder.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const QString fixed = text.mid(at, m.capturedStart() - at);
            pattern += QRegularExpression::escape(fixed) + argument;
            t.literal += fixed.size();
            t.args.push_back(m.captured(1).toInt());
            at = m.capturedEnd();
        }
        pattern += QRegularExpression::escape(text.mid(at));
        t.literal += text.size() - at;
        t.pattern.setPattern(QRegularExpression::anchoredPattern(pattern));
        t.pattern.optimize(); // compiled here, once: the studio translates in worker threads too
        list.push_back(std::move(t));
    }
    std::stable_sort(list.begin(), list.end(),
                     [](const Template& a, const Template& b) { return a.literal > b.literal; });
    return list;
}

const std::vector<Template>& templates() {
    static const std::vector<Template> list = compile();
    return list;
}

// `text` with each %N replaced by arguments[N - 1] in one pass (an argument holding "%2" stays as it is).
QString substitute(const QString& text, const QStringList& arguments) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('%') && i + 1 < text.size() && text[i + 1] >= QLatin1Char('1') &&
            text[i + 1] <= QLatin1Char('9') && text[i + 1].digitValue() <= arguments.size()) {
            out += arguments[text[i + 1].digitValue() - 1];
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

// An argument in the installed language where it is one of the core's own words: "'a', 'b' and 'c'" (its
// lists of names) with the language's "and", "an object"; any other argument as it is.
QString argumentText(const QString& argument) {
    static const QRegularExpression list = [] {
        QRegularExpression pattern(QStringLiteral("^('[^']*'(?:, '[^']*')*) and ('[^']*')$"));
        pattern.optimize(); // compiled once here: the studio translates in worker threads too
        return pattern;
    }();
    if (const QRegularExpressionMatch m = list.match(argument); m.hasMatch()) {
        return substitute(QCoreApplication::translate("CoreText", kNameList), {m.captured(1), m.captured(2)});
    }
    for (const char* word : kArgumentWords) {
        if (argument == QLatin1String(word)) {
            return QCoreApplication::translate("CoreText", word);
        }
    }
    return argument;
}

// The translation of the template `text` matches as a whole, if one does.
std::optional<QString> wholeMatch(const QString& text) {
    for (const Template& t : templates()) {
        const QRegularExpressionMatch m = t.pattern.match(text);
        if (!m.hasMatch()) {
            continue;
        }
        QStringList arguments;
        for (std::size_t i = 0; i < t.args.size(); ++i) {
            const auto number = qsizetype(t.args[i]);
            while (arguments.size() < number) {
                arguments.append(QString());
            }
            arguments[number - 1] = argumentText(m.captured(int(i) + 1));
        }
        return substitute(QCoreApplication::translate("CoreText", t.english), arguments);
    }
    return std::nullopt;
}

// Where `joiner` occurs in `text` outside quoted names ('a: b' is one name): a quote opens after a
// character that is no letter or digit and closes before one (so "device's" is no quote).
QList<qsizetype> joinersIn(const QString& text, QLatin1String joiner) {
    QList<qsizetype> at;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\'')) {
            if (!quoted && (i == 0 || !text[i - 1].isLetterOrNumber())) {
                quoted = true;
            } else if (quoted && (i + 1 == text.size() || !text[i + 1].isLetterOrNumber())) {
                quoted = false;
            }
        } else if (!quoted && QStringView(text).mid(i).startsWith(joiner)) {
            at.append(i);
        }
    }
    return at;
}

struct Rendered {
    QString text;
    QStringList unmatched; // English parts no template matched

    qsizetype cost() const {
        qsizetype n = 0;
        for (const auto& part : unmatched) {
            n += part.size();
        }
        return n;
    }
};

// Renders one message, trying every way the core joins parts and keeping the one that leaves the least
// English unmatched (ties: the earlier way). Each text is rendered once (a message's parts repeat).
class Renderer {
public:
    Rendered render(const QString& text) {
        if (const auto done = m_done.constFind(text); done != m_done.constEnd()) {
            return *done;
        }
        Rendered best;
        if (auto whole = wholeMatch(text)) {
            best = {*whole, {}};
        } else {
            best = {text, containsLetter(text) ? QStringList{text} : QStringList{}};
            const auto consider = [&best](std::optional<Rendered> candidate) {
                if (candidate && candidate->cost() < best.cost()) {
                    best = std::move(*candidate);
                }
            };
            consider(lines(text));
            consider(prefixed(text));
            consider(joined(text, QLatin1String("; ")));
            consider(joined(text, QLatin1String(", ")));
            consider(hinted(text));
        }
        m_done.insert(text, best);
        return best;
    }

private:
    static bool containsLetter(const QString& text) {
        return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetter(); });
    }

    // checkPlan's and the cluster's lists: "header:\n  - problem\n  - problem".
    std::optional<Rendered> lines(const QString& text) {
        if (!text.contains(QLatin1Char('\n'))) {
            return std::nullopt;
        }
        Rendered out;
        QStringList rendered;
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            qsizetype bullet = 0;
            while (bullet < line.size() && line[bullet].isSpace()) {
                ++bullet;
            }
            if (line.mid(bullet).startsWith(QLatin1String("- "))) {
                bullet += 2;
            }
            const Rendered part = render(line.mid(bullet));
            rendered.append(line.left(bullet) + part.text);
            out.unmatched += part.unmatched;
        }
        out.text = rendered.join(QLatin1Char('\n'));
        return out;
    }

    // "context: message", the context a template ("stage 2 (...)", "node 'a' (Conv)") or a file, field or
    // address (no space: not English text).
    std::optional<Rendered> prefixed(const QString& text) {
        const QList<qsizetype> colons = joinersIn(text, QLatin1String(": "));
        if (colons.isEmpty() || colons.front() == 0) {
            return std::nullopt;
        }
        const qsizetype colon = colons.front();
        const QString head = text.left(colon);
        const Rendered rest = render(text.mid(colon + 2));
        // the context templates end in ':' (a language may write its own colon)
        if (auto context = wholeMatch(head + QLatin1Char(':'))) {
            const bool wideColon = context->endsWith(QChar(0xFF1A)); // "：" takes no space after it
            return Rendered{*context + (wideColon ? QString() : QStringLiteral(" ")) + rest.text,
                            rest.unmatched};
        }
        const Rendered context = head.contains(QLatin1Char(' ')) ? render(head) : Rendered{head, {}};
        return Rendered{context.text + QStringLiteral(": ") + rest.text, context.unmatched + rest.unmatched};
    }

    std::optional<Rendered> joined(const QString& text, QLatin1String joiner) {
        const QList<qsizetype> at = joinersIn(text, joiner);
        if (at.isEmpty()) {
            return std::nullopt;
        }
        Rendered out;
        qsizetype from = 0;
        for (qsizetype i = 0; i <= at.size(); ++i) {
            const qsizetype end = i < at.size() ? at[i] : text.size();
            const Rendered part = render(text.mid(from, end - from));
            out.text += (i ? QString(joiner) : QString()) + part.text;
            out.unmatched += part.unmatched;
            from = end + joiner.size();
        }
        return out;
    }

    // "<a message with its own hint> - the device keeps its current release": split at the last " - ".
    std::optional<Rendered> hinted(const QString& text) {
        const QList<qsizetype> at = joinersIn(text, QLatin1String(" - "));
        if (at.isEmpty()) {
            return std::nullopt;
        }
        const Rendered message = render(text.left(at.back()));
        const Rendered hint = render(text.mid(at.back() + 3));
        return Rendered{message.text + QStringLiteral(" - ") + hint.text, message.unmatched + hint.unmatched};
    }

    QHash<QString, Rendered> m_done;
};

} // namespace

QString CoreText::translate(const QString& message) {
    return Renderer().render(message).text;
}

QString CoreText::translate(const std::string& message) {
    return translate(QString::fromStdString(message));
}

QStringList CoreText::translate(const std::vector<std::string>& messages) {
    QStringList out;
    out.reserve(qsizetype(messages.size()));
    for (const auto& message : messages) {
        out.append(translate(message));
    }
    return out;
}

QString CoreText::unmatched(const QString& message) {
    return Renderer().render(message).unmatched.join(QStringLiteral(" | "));
}

int CoreText::templateCount() {
    return int(coreTextTemplates().size());
}

} // namespace tessera::ui
