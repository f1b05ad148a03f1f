#include "ui/project_document.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include "core/optimize/problem.h"

namespace tessera::ui {
namespace {

const QString kFormat = QStringLiteral("tessera-project");

// The translation context of this file's messages (free functions, so no QObject's tr()).
class DocumentText {
    Q_DECLARE_TR_FUNCTIONS(tessera::ui::ProjectDocument)
};

// The names in `object` that are not in `valid`, as "unknown key ..." or empty.
QString unknownKey(const QJsonObject& object, const QStringList& valid) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!valid.contains(it.key())) {
            return DocumentText::tr("unknown key \"%1\" (valid keys: %2)")
                .arg(it.key(), valid.join(QStringLiteral(", ")));
        }
    }
    return {};
}

std::string compactJson(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

std::optional<ProjectDocument> parseProjectDocument(const QByteArray& bytes, const QString& fileName,
                                                    QString* error) {
    auto fail = [&](const QString& message) {
        *error = fileName + QStringLiteral(": ") + message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const auto json = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(DocumentText::tr("not valid JSON (byte %1): %2")
                        .arg(parseError.offset)
                        .arg(parseError.errorString()));
    }
    if (!json.isObject()) {
        return fail(DocumentText::tr("not a Tessera project (expected a JSON object)"));
    }
    const QJsonObject root = json.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat) {
        return fail(DocumentText::tr("not a Tessera project (\"format\" must be \"%1\")").arg(kFormat));
    }
    const QJsonValue versionValue = root.value(QStringLiteral("version"));
    const double version = versionValue.toDouble(-1);
    if (!versionValue.isDouble() || version < 1 || version != double(qint64(version))) {
        return fail(DocumentText::tr("\"version\" must be a whole number from 1"));
    }
    if (version > ProjectDocument::kVersion) {
        return fail(DocumentText::tr(
                        "written by a newer Tessera (project format version %1; this version reads up to %2) "
                        "— update Tessera")
                        .arg(qint64(version))
                        .arg(ProjectDocument::kVersion));
    }
    if (auto bad =
            unknownKey(root, {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("model"),
                              QStringLiteral("cluster"), QStringLiteral("plan"), QStringLiteral("solver")});
        !bad.isEmpty()) {
        return fail(bad);
    }
    ProjectDocument document;
    const QJsonObject model = root.value(QStringLiteral("model")).toObject();
    if (auto bad =
            unknownKey(model, {QStringLiteral("zoo"), QStringLiteral("path"), QStringLiteral("sha256")});
        !bad.isEmpty()) {
        return fail(QStringLiteral("model: ") + bad);
    }
    document.model.zooName = model.value(QStringLiteral("zoo")).toString();
    document.model.path = model.value(QStringLiteral("path")).toString();
    document.model.sha256 = model.value(QStringLiteral("sha256")).toString();
    if (document.model.zooName.isEmpty() == document.model.path.isEmpty()) {
        return fail(DocumentText::tr(
            "model: give either \"zoo\" (a model of the zoo, e.g. \"yolov2-608\") or \"path\" "
            "(a model file)"));
    }
    if (!root.value(QStringLiteral("cluster")).isObject()) {
        return fail(
            DocumentText::tr("cluster: required, a cluster as in a cluster file (docs/file-formats.md)"));
    }
    document.clusterJson = compactJson(root.value(QStringLiteral("cluster")).toObject());
    if (root.contains(QStringLiteral("plan"))) {
        if (!root.value(QStringLiteral("plan")).isObject()) {
            return fail(DocumentText::tr("plan: expected a plan as in a plan file (docs/file-formats.md)"));
        }
        document.planJson = compactJson(root.value(QStringLiteral("plan")).toObject());
    }
    const QJsonObject solver = root.value(QStringLiteral("solver")).toObject();
    if (auto bad = unknownKey(solver, {QStringLiteral("objective"), QStringLiteral("time_limit")});
        !bad.isEmpty()) {
        return fail(QStringLiteral("solver: ") + bad);
    }
    document.solver.objective = solver.value(QStringLiteral("objective")).toString(document.solver.objective);
    if (!optimize::parseObjective(document.solver.objective.toStdString())) {
        return fail(
            DocumentText::tr("solver.objective: \"%1\" is not one of memory, traffic, latency, throughput")
                .arg(document.solver.objective));
    }
    document.solver.timeLimitSeconds =
        solver.value(QStringLiteral("time_limit")).toDouble(document.solver.timeLimitSeconds);
    if (!(document.solver.timeLimitSeconds > 0)) {
        return fail(DocumentText::tr("solver.time_limit: expected a positive number of seconds"));
    }
    return document;
}

QByteArray projectDocumentToJson(const ProjectDocument& document) {
    QJsonObject root;
    root.insert(QStringLiteral("format"), kFormat);
    root.insert(QStringLiteral("version"), ProjectDocument::kVersion);
    QJsonObject model;
    if (!document.model.zooName.isEmpty()) {
        model.insert(QStringLiteral("zoo"), document.model.zooName);
    } else {
        model.insert(QStringLiteral("path"), document.model.path);
    }
    if (!document.model.sha256.isEmpty()) {
        model.insert(QStringLiteral("sha256"), document.model.sha256);
    }
    root.insert(QStringLiteral("model"), model);
    root.insert(QStringLiteral("cluster"),
                QJsonDocument::fromJson(QByteArray::fromStdString(document.clusterJson)).object());
    if (!document.planJson.empty()) {
        root.insert(QStringLiteral("plan"),
                    QJsonDocument::fromJson(QByteArray::fromStdString(document.planJson)).object());
    }
    QJsonObject solver;
    solver.insert(QStringLiteral("objective"), document.solver.objective);
    solver.insert(QStringLiteral("time_limit"), document.solver.timeLimitSeconds);
    root.insert(QStringLiteral("solver"), solver);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace tessera::ui
