#pragma once

// Long work in the window (opening a big file, a big export): a progress dialog with Cancel
// that appears once the work has taken half a second, and the Progress to hand the work.

#include "progress.h"

#include <QString>

#include <memory>

class QProgressDialog;
class QWidget;

namespace coroscope {

class WorkProgress {
public:
    WorkProgress(QWidget* parent, const QString& label);
    ~WorkProgress();

    // Moves the bar and keeps the window painting; false once the user has pressed Cancel.
    Progress progress();
    bool cancelled() const;
    QProgressDialog* dialog() const { return dialog_.get(); }

private:
    std::unique_ptr<QProgressDialog> dialog_;
};

} // namespace coroscope
