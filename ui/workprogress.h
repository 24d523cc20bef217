#pragma once

// Long work in the window (opening a big file, a big export): a progress dialog with Cancel
// that appears once the work has taken half a second, and the Progress to hand the work.

#include "model/progress.h"

#include <QString>

#include <functional>
#include <memory>

class QProgressDialog;
class QWidget;

namespace coroscope {

class WorkProgress {
public:
    WorkProgress(QWidget* parent, const QString& label);
    ~WorkProgress();

    // Moves the bar and keeps the window painting; false once the user has pressed Cancel.
    // For work on the GUI thread.
    Progress progress();
    bool cancelled() const;
    QProgressDialog* dialog() const { return dialog_.get(); }

    // Runs work on a thread of its own while this (the GUI) thread goes on handling events: the
    // window keeps painting and playing, and the dialog appears past half a second as above. The
    // Progress handed to the work may be called from its thread, cheaply: it stores the fraction,
    // which the bar follows, and says stop once Cancel is pressed. Until the work is done the
    // parent's window takes no input (clicks, keys, shortcuts, drops) so that nothing done there
    // is lost under the work's result; closing it asks the work to stop instead. Returns once the
    // work has returned and its thread is joined; an exception the work throws is thrown here.
    void runInBackground(const std::function<void(const Progress&)>& work);

private:
    std::unique_ptr<QProgressDialog> dialog_;
};

} // namespace coroscope
