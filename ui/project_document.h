#pragma once
// The .tessera project file (JSON, docs/studio.md): which model, the cluster (the core cluster file format,
// inline), the plan (the core plan file format, inline) and the solver settings.
//
//   {"format": "tessera-project", "version": 1,
//    "model": {"zoo": "yolov2-608"}  or  {"path": "net.onnx", "sha256": "..."},
//    "cluster": { ...cluster file... }, "plan": { ...plan file... } (optional: whole model on the gateway),
//    "solver": {"objective": "latency", "time_limit": 60}}
//
// A model path is relative to the project file's folder. A file of a newer version is refused before any
// other key is read; unknown keys are refused naming the key (as the core formats do).

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>

namespace tessera::ui {

struct ModelSource {
    QString zooName; // a model of the zoo (tessera zoo), written to the cache folder when missing
    QString path;    // else a model file (absolute, or relative to the project file's folder)
    QString sha256;  // of the model file when the project was saved; empty = not checked
    bool operator==(const ModelSource&) const = default;
};

struct SolverSettings {
    QString objective = QStringLiteral("latency"); // "memory", "traffic" or "latency"
    double timeLimitSeconds = 60;
    bool operator==(const SolverSettings&) const = default;
};

struct ProjectDocument {
    static constexpr int kVersion = 1;
    ModelSource model;
    std::string clusterJson; // core cluster file text
    std::string planJson;    // core plan file text; empty = no plan saved
    SolverSettings solver;
};

// Parses a project file's bytes; `fileName` prefixes every error ("lab.tessera: model: ...").
// Returns the error message through `error` (translated) and nullopt on failure.
std::optional<ProjectDocument> parseProjectDocument(const QByteArray& bytes, const QString& fileName,
                                                    QString* error);
QByteArray projectDocumentToJson(const ProjectDocument& document);

} // namespace tessera::ui
