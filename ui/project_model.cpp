#include "ui/project_model.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <exception>

#include "core/model/zoo.h"
#include "ui/core_text.h"
#include "ui/qt_convert.h"

namespace tessera::ui {

ProjectModel::ProjectModel(QString zooCacheDir, QObject* parent)
    : QObject(parent)
    , m_zooCacheDir(std::move(zooCacheDir)) {
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

ProjectModel::~ProjectModel() {
    // Commands point at this model; drop them first.
    m_undoStack.clear();
}

QString ProjectModel::displayName() const {
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

bool ProjectModel::isModified() const {
    return hasProject() && !m_undoStack.isClean();
}

bool ProjectModel::openProject(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot be read: %2").arg(path, file.errorString());
        return false;
    }
    const auto document = parseProjectDocument(file.readAll(), QFileInfo(path).fileName(), error);
    if (!document ||
        !loadDocument(*document, QFileInfo(path).absolutePath(), QFileInfo(path).fileName(), error)) {
        return false;
    }
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_undoStack.clear();
    m_undoStack.setClean();
    emit filePathChanged(m_filePath);
    emit projectReset();
    emit modifiedChanged(false);
    return true;
}

bool ProjectModel::recoverProject(const QString& autosavePath, const QString& projectPath, QString* error) {
    QFile file(autosavePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot be read: %2").arg(autosavePath, file.errorString());
        return false;
    }
    const auto document = parseProjectDocument(file.readAll(), QFileInfo(autosavePath).fileName(), error);
    if (!document || !loadDocument(*document, QFileInfo(autosavePath).absolutePath(),
                                   QFileInfo(autosavePath).fileName(), error)) {
        return false;
    }
    m_filePath = projectPath.isEmpty() ? QString() : QFileInfo(projectPath).absoluteFilePath();
    m_undoStack.clear();
    m_undoStack.resetClean(); // the recovered state is not what is on disk
    emit filePathChanged(m_filePath);
    emit projectReset();
    emit modifiedChanged(true);
    return true;
}

bool ProjectModel::newProject(const ModelSource& source, QString* error) {
    ProjectDocument document;
    document.model = source;
    document.model.sha256.clear();
    document.clusterJson = cost::clusterToJson(cost::uniformCluster("emulated", 4));
    if (!loadDocument(document, QDir::currentPath(), tr("new project"), error)) {
        return false;
    }
    m_filePath.clear();
    m_undoStack.clear();
    m_undoStack.resetClean();
    emit filePathChanged(m_filePath);
    emit projectReset();
    emit modifiedChanged(true);
    return true;
}

void ProjectModel::closeProject() {
    m_undoStack.clear();
    m_census.reset(); // refers to the model's graph
    m_model.reset();
    m_cost = {};
    m_cluster = {};
    m_plan = {};
    m_preview = {};
    m_filePath.clear();
    m_notes.clear();
    emit filePathChanged(m_filePath);
    emit projectReset();
    emit modifiedChanged(false);
}

namespace {

// Everything a project document loads to, made without touching the ProjectModel (any thread).
struct LoadedProject {
    QString error; // empty when loaded
    QString modelPath;
    std::shared_ptr<const model::Model> model;
    std::unique_ptr<partition::WeightCensus> census;
    cost::ModelCost cost;
    cost::Cluster cluster;
    partition::Plan plan;
    PlanPreview preview;
    QStringList notes;
};

LoadedProject loadProject(const ProjectDocument& document, const QString& baseDir, const QString& fileName,
                          const QString& zooCacheDir) {
    LoadedProject out;
    const auto fail = [&out](const QString& error) {
        out.error = error;
        return std::move(out);
    };
    if (!document.model.zooName.isEmpty()) {
        const std::string name = toStdString(document.model.zooName);
        out.modelPath = QDir(zooCacheDir).filePath(document.model.zooName + QStringLiteral(".onnx"));
        if (!QFileInfo::exists(out.modelPath)) {
            // The zoo's weights are deterministic, so writing the file here gives the same model the CLI's
            // `tessera zoo` writes.
            auto built = model::buildZooModel(name);
            if (!built) {
                return fail(fileName + QStringLiteral(": model: ") +
                            CoreText::translate(built.error().message));
            }
            QDir().mkpath(zooCacheDir);
            if (auto saved = model::saveOnnx(built->graph, built->opset, toStdString(out.modelPath));
                !saved) {
                return fail(CoreText::translate(saved.error().message));
            }
        }
    } else {
        out.modelPath = QDir(baseDir).absoluteFilePath(document.model.path);
    }
    auto loaded = model::loadModel(toStdString(out.modelPath));
    if (!loaded) {
        return fail(fileName + QStringLiteral(": model: ") + CoreText::translate(loaded.error().message));
    }
    const std::string where = toStdString(fileName);
    auto cluster = cost::parseCluster(document.clusterJson, where + ": cluster");
    if (!cluster) {
        return fail(CoreText::translate(cluster.error().message));
    }
    if (auto problems = cluster->problems(); !problems.empty()) {
        return fail(fileName + QStringLiteral(": cluster: ") +
                    CoreText::translate(problems).join(QStringLiteral("; ")));
    }
    partition::Plan plan = partition::wholeModelPlan(loaded->graph, cluster->gateway);
    if (!document.planJson.empty()) {
        auto parsed = partition::parsePlan(document.planJson, where + ": plan", loaded->graph, *cluster);
        if (!parsed) {
            return fail(CoreText::translate(parsed.error().message));
        }
        if (auto pruned = partition::applyPruning(*parsed, loaded->graph); !pruned) {
            return fail(fileName + QStringLiteral(": plan: ") + CoreText::translate(pruned.error().message));
        }
        plan = std::move(*parsed);
    }
    if (!document.model.sha256.isEmpty() && document.model.sha256 != toQString(loaded->sha256)) {
        out.notes.append(
            ProjectModel::tr("The model file %1 changed since the project was saved (its SHA-256 "
                             "differs).")
                .arg(QDir::toNativeSeparators(out.modelPath)));
    }
    for (const auto& note : loaded->notes) {
        out.notes.append(toQString(note));
    }
    out.cost = cost::analyze(loaded->graph);
    out.model = std::make_shared<const model::Model>(std::move(*loaded));
    out.census = std::make_unique<partition::WeightCensus>(out.model->graph);
    out.cluster = std::move(*cluster);
    out.plan = std::move(plan);
    out.preview = computePreview(*out.model, out.plan, out.cluster, out.census.get());
    return out;
}

} // namespace

bool ProjectModel::loadDocument(const ProjectDocument& document, const QString& baseDir,
                                const QString& fileName, QString* error) {
    LoadedProject loaded;
    const auto work = [&] {
        try {
            loaded = loadProject(document, baseDir, fileName, m_zooCacheDir);
        } catch (const std::exception& e) { // e.g. memory for a corrupt file's absurd shapes
            loaded = {};
            loaded.error = fileName + QStringLiteral(": ") + QString::fromLocal8Bit(e.what());
        }
    };
    if (m_runner) {
        m_runner(tr("Opening %1…").arg(fileName), work);
    } else {
        work();
    }
    if (!loaded.error.isEmpty()) {
        *error = loaded.error;
        return false;
    }
    m_notes = std::move(loaded.notes);
    m_source = document.model;
    m_source.sha256 = toQString(loaded.model->sha256);
    m_modelPath = loaded.modelPath;
    m_solver = document.solver;
    m_cost = std::move(loaded.cost);
    m_model = std::move(loaded.model);
    m_census = std::move(loaded.census);
    m_cluster = std::move(loaded.cluster);
    m_plan = std::move(loaded.plan);
    m_preview = std::move(loaded.preview);
    return true;
}

QByteArray ProjectModel::documentBytes(const QString& baseDir) const {
    ProjectDocument document;
    document.model = m_source;
    if (m_source.zooName.isEmpty()) {
        document.model.path = QDir(baseDir).relativeFilePath(m_modelPath);
    }
    document.clusterJson = cost::clusterToJson(m_cluster);
    document.planJson = partition::planToJson(m_plan, m_model->graph, m_cluster);
    document.solver = m_solver;
    return projectDocumentToJson(document);
}

bool ProjectModel::save(const QString& path, QString* error) {
    if (!hasProject()) {
        *error = tr("There is no project to save.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("%1: cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    file.write(documentBytes(QFileInfo(path).absolutePath()));
    if (!file.commit()) {
        *error = tr("%1: cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute != m_filePath) {
        m_filePath = absolute;
        emit filePathChanged(m_filePath);
    }
    m_undoStack.setClean();
    return true;
}

void ProjectModel::setPlan(const partition::Plan& plan) {
    if (plan == m_plan) {
        return;
    }
    m_plan = plan;
    emit planChanged();
    recompute();
}

void ProjectModel::setClusterAndPlan(const cost::Cluster& cluster, const partition::Plan& plan) {
    const bool clusterDiffers = !(cluster == m_cluster);
    const bool planDiffers = !(plan == m_plan);
    m_cluster = cluster;
    m_plan = plan;
    if (clusterDiffers) {
        emit clusterChanged();
    }
    if (planDiffers) {
        emit planChanged();
    }
    if (clusterDiffers || planDiffers) {
        recompute();
    }
}

void ProjectModel::recompute() {
    m_preview = computePreview(*m_model, m_plan, m_cluster, m_census.get());
    emit previewChanged();
}

} // namespace tessera::ui
