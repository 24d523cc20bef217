#pragma once

// Asks how to export a picture: the finished run or the current frame, pixel density,
// background and theme.

#include "export/timelineexport.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QRadioButton;

namespace coroscope {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // currentMs: the playback time offered as "the frame at the current time"; pageWidth: the
    // picture's logical width (the card as the window shows it, plus its page padding).
    ExportDialog(ExportFormat format, double currentMs, double pageWidth,
                 QWidget* parent = nullptr);

    ExportOptions options() const;
    // Light (the default) or dark colours.
    QComboBox* themeBox() const { return theme_; }

private:
    double currentMs_;
    double pageWidth_;
    QRadioButton* finished_;
    QRadioButton* frame_;
    QComboBox* scale_;
    QCheckBox* transparent_;
    QComboBox* theme_;
};

} // namespace coroscope
