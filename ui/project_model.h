#pragma once
// ProjectModel: the studio's single source of truth. It owns the open project - the imported model and its
// per-layer costs, the cluster, the plan, the solver settings - and the project's one QUndoStack. Views
// never change it directly: they push undo commands (undo_commands.h), whose redo()/undo() call the setters
// below; every change is announced by a signal, and the views redraw from those signals.
//
// The plan's prediction (plan_preview.h) is derived state, recomputed here on every plan or cluster change
// so that the chart, the prediction panel and the graph read the same numbers.

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <functional>
#include <memory>

#include "core/cost/cluster.h"
#include "core/cost/layer_cost.h"
#include "core/model/model.h"
#include "core/partition/plan.h"
#include "ui/plan_preview.h"
#include "ui/project_document.h"

namespace tessera::ui {

class ProjectModel : public QObject {
    Q_OBJECT
public:
    // `zooCacheDir`: where zoo models named by projects are written when missing.
    explicit ProjectModel(QString zooCacheDir, QObject* parent = nullptr);
    ~ProjectModel() override;

    // Each of these replaces the whole project (clearing the undo stack) or, on failure, leaves the current
    // one untouched and returns false with a message naming the file and the fix.
    bool openProject(const QString& path, QString* error);
    // Loads the autosave `autosavePath` as the unsaved state of the project at `projectPath` (empty: an
    // untitled project); the result is modified.
    bool recoverProject(const QString& autosavePath, const QString& projectPath, QString* error);
    // A new, untitled project for a model file or a zoo model, on four emulated devices, whole on the
    // gateway.
    bool newProject(const ModelSource& source, QString* error);
    void closeProject();

    // Writes the project atomically (QSaveFile); the undo stack becomes clean and the path the project's.
    bool save(const QString& path, QString* error);
    // The project file's bytes, model paths relative to `baseDir`.
    QByteArray documentBytes(const QString& baseDir) const;

    bool hasProject() const { return m_model != nullptr; }
    const model::Model& model() const { return *m_model; }
    // The same model, for background work that must outlive a project change (it is never modified).
    std::shared_ptr<const model::Model> sharedModel() const { return m_model; }
    const cost::ModelCost& modelCost() const { return m_cost; }
    const cost::Cluster& cluster() const { return m_cluster; }
    const partition::Plan& plan() const { return m_plan; }
    const SolverSettings& solverSettings() const { return m_solver; }
    const PlanPreview& preview() const { return m_preview; }
    const ModelSource& modelSource() const { return m_source; }
    QString modelFilePath() const { return m_modelPath; }
    QString filePath() const { return m_filePath; }
    // A short title: the file name, or "Untitled".
    QString displayName() const;
    bool isModified() const;
    QUndoStack* undoStack() { return &m_undoStack; }
    // Non-fatal notes from loading (e.g. the model file changed since the project was saved).
    QStringList loadNotes() const { return m_notes; }

    // For undo commands only: replace the plan, or the cluster together with the plan that fits it, or the
    // solver settings (saved with the project, shown by the Optimize dialog; no signal).
    void setPlan(const partition::Plan& plan);
    void setClusterAndPlan(const cost::Cluster& cluster, const partition::Plan& plan);
    void setSolverSettings(const SolverSettings& settings) { m_solver = settings; }

    // Opening a project reads and checks the model file, analyses it and predicts the plan: seconds for a
    // large model. That work touches nothing of this object and goes through the runner, which must return
    // once `work` has run; the main window's runs it on a worker thread and keeps the window painted with a
    // progress note (`what`). Without one, it runs in place.
    using WorkRunner = std::function<void(const QString& what, const std::function<void()>& work)>;
    void setWorkRunner(WorkRunner runner) { m_runner = std::move(runner); }

signals:
    void projectReset(); // a different project (or none): everything rebuilds
    void clusterChanged();
    void planChanged();
    void previewChanged();
    void filePathChanged(const QString& path);
    void modifiedChanged(bool modified);

private:
    bool loadDocument(const ProjectDocument& document, const QString& baseDir, const QString& fileName,
                      QString* error);
    void recompute();

    QString m_zooCacheDir;
    std::shared_ptr<const model::Model> m_model;
    std::unique_ptr<partition::WeightCensus> m_census; // of *m_model, shared by every preview
    cost::ModelCost m_cost;
    cost::Cluster m_cluster;
    partition::Plan m_plan;
    ModelSource m_source;
    QString m_modelPath; // absolute
    SolverSettings m_solver;
    PlanPreview m_preview;
    QString m_filePath;
    QStringList m_notes;
    QUndoStack m_undoStack;
    WorkRunner m_runner;
};

} // namespace tessera::ui
