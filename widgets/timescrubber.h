#pragma once

#include "timeutil.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace StateScope {

// The time scrubber shared by all views (offline data): a slider over the data's time range,
// play/pause replay at a chosen speed, and "Latest" to show everything again. Emits
// asOfChanged() with the chosen instant (kUnknownTime = the latest, no cutoff), throttled
// while the slider is dragged.
class TimeScrubber final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kSteps = 10000;

    explicit TimeScrubber(QWidget *parent = nullptr);

    void setRange(TimeMs first, TimeMs last); // unknown = nothing to scrub (disabled)
    void setAsOf(TimeMs asOf);                // without emitting
    TimeMs asOf() const { return m_asOf; }
    bool isPlaying() const;

    // The pure mapping between slider steps and time (tested without a GUI).
    static TimeMs timeAt(int step, TimeMs first, TimeMs last);
    static int stepOf(TimeMs t, TimeMs first, TimeMs last);

public slots:
    void play();
    void pause();
    void showLatest();

signals:
    void asOfChanged(StateScope::TimeMs asOf);

private:
    void advance();
    void updateLabel();
    void choose(TimeMs asOf);

    QToolButton *m_play = nullptr;
    QToolButton *m_latest = nullptr;
    QComboBox *m_speed = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_label = nullptr;
    QTimer *m_playTimer = nullptr;
    QTimer *m_throttle = nullptr;
    TimeMs m_first = kUnknownTime;
    TimeMs m_last = kUnknownTime;
    TimeMs m_asOf = kUnknownTime;
};

} // namespace StateScope
