#include "timescrubber.h"

#include "actionicons.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QTimer>
#include <QToolButton>

#include <cmath>

namespace StateScope {

namespace {
constexpr int kPlayTickMs = 100;
constexpr int kThrottleMs = 120; // while dragging: a new cutoff at most this often
} // namespace

TimeMs TimeScrubber::timeAt(int step, TimeMs first, TimeMs last)
{
    if (first == kUnknownTime || last == kUnknownTime || last <= first)
        return first;
    step = std::clamp(step, 0, kSteps);
    return first + TimeMs(std::llround(double(last - first) * double(step) / double(kSteps)));
}

int TimeScrubber::stepOf(TimeMs t, TimeMs first, TimeMs last)
{
    if (t == kUnknownTime || first == kUnknownTime || last == kUnknownTime || last <= first)
        return kSteps;
    t = std::clamp(t, first, last);
    return int(std::llround(double(t - first) * double(kSteps) / double(last - first)));
}

TimeScrubber::TimeScrubber(QWidget *parent)
    : QWidget(parent)
    , m_play(new QToolButton(this))
    , m_latest(new QToolButton(this))
    , m_speed(new QComboBox(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_label(new QLabel(this))
    , m_playTimer(new QTimer(this))
    , m_throttle(new QTimer(this))
{
    setAccessibleName(tr("Time scrubber"));
    m_play->setIcon(ActionIcons::icon(ActionIcons::Kind::Play));
    m_play->setToolTip(tr("Replay from the chosen time (Space)"));
    m_play->setAccessibleName(tr("Play or pause the replay"));
    m_latest->setText(tr("Latest"));
    m_latest->setToolTip(tr("Show everything up to the latest event"));
    m_latest->setAccessibleName(tr("Show the latest state"));
    for (int speed : {1, 10, 60, 600, 3600})
        m_speed->addItem(tr("%1×").arg(speed), speed);
    m_speed->setCurrentIndex(2);
    m_speed->setToolTip(tr("Replay speed"));
    m_speed->setAccessibleName(tr("Replay speed"));
    m_slider->setRange(0, kSteps);
    m_slider->setValue(kSteps);
    m_slider->setAccessibleName(tr("Time"));
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(QStringLiteral("2026-11-22T00:00:00.000Z (latest)")));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_play);
    layout->addWidget(m_speed);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);
    layout->addWidget(m_latest);
    m_playTimer->setInterval(kPlayTickMs);
    m_throttle->setSingleShot(true);
    m_throttle->setInterval(kThrottleMs);
    connect(m_play, &QToolButton::clicked, this, [this] { isPlaying() ? pause() : play(); });
    connect(m_latest, &QToolButton::clicked, this, &TimeScrubber::showLatest);
    connect(m_playTimer, &QTimer::timeout, this, &TimeScrubber::advance);
    connect(m_slider, &QSlider::valueChanged, this, [this] {
        m_asOf = m_slider->value() >= kSteps ? kUnknownTime : timeAt(m_slider->value(), m_first, m_last);
        updateLabel();
        if (!m_throttle->isActive())
            m_throttle->start();
    });
    connect(m_throttle, &QTimer::timeout, this, [this] { emit asOfChanged(m_asOf); });
    setRange(kUnknownTime, kUnknownTime);
}

bool TimeScrubber::isPlaying() const
{
    return m_playTimer->isActive();
}

void TimeScrubber::setRange(TimeMs first, TimeMs last)
{
    m_first = first;
    m_last = last;
    setEnabled(first != kUnknownTime && last != kUnknownTime && last > first);
    if (!isEnabled())
        pause();
    setAsOf(m_asOf);
}

void TimeScrubber::setAsOf(TimeMs asOf)
{
    m_asOf = asOf;
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(stepOf(asOf, m_first, m_last));
    updateLabel();
}

void TimeScrubber::choose(TimeMs asOf)
{
    setAsOf(asOf);
    emit asOfChanged(m_asOf);
}

void TimeScrubber::play()
{
    if (!isEnabled())
        return;
    if (m_asOf == kUnknownTime || m_asOf >= m_last)
        choose(m_first); // replay from the start
    m_playTimer->start();
    m_play->setIcon(ActionIcons::icon(ActionIcons::Kind::Pause));
}

void TimeScrubber::pause()
{
    m_playTimer->stop();
    m_play->setIcon(ActionIcons::icon(ActionIcons::Kind::Play));
}

void TimeScrubber::showLatest()
{
    pause();
    choose(kUnknownTime);
}

void TimeScrubber::advance()
{
    const TimeMs next = m_asOf + TimeMs(kPlayTickMs) * m_speed->currentData().toInt();
    if (next >= m_last) {
        showLatest();
        return;
    }
    choose(next);
}

void TimeScrubber::updateLabel()
{
    m_label->setText(m_asOf == kUnknownTime ? tr("latest") : TimeUtil::formatUtcString(m_asOf));
}

} // namespace StateScope
