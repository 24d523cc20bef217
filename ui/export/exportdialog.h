#pragma once

// Asks how to export a picture: the finished run or the current frame, the whole run or the
// zoomed view's range, pixel density, background and theme; for the animated GIF, which has
// every frame and no background of its own to leave out, the frames per second instead.

#include "export/timelineexport.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QRadioButton;
class QSpinBox;

namespace coroscope {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // currentMs: the playback time offered as "the frame at the current time"; pageWidth: the
    // picture's logical width (the card as the window shows it, plus its page padding);
    // visible: the zoomed view's range, offered beside the whole run (none when not zoomed).
    ExportDialog(ExportFormat format, double currentMs, double pageWidth,
                 std::optional<TimeWindow> visible = std::nullopt, QWidget* parent = nullptr);

    ExportOptions options() const;
    // Light (the default) or dark colours.
    QComboBox* themeBox() const { return theme_; }
    // The GIF's frames per second.
    QSpinBox* fpsBox() const { return fps_; }

private:
    double currentMs_;
    double pageWidth_;
    QRadioButton* finished_;
    QRadioButton* frame_;
    std::optional<TimeWindow> visible_;
    QRadioButton* wholeRun_;
    QRadioButton* visibleRange_;
    QComboBox* scale_;
    QCheckBox* transparent_;
    QComboBox* theme_;
    QSpinBox* fps_;
};

} // namespace coroscope
