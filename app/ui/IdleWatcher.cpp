#include "IdleWatcher.h"

#include "state/ClientState.h"

#include <QCoreApplication>
#include <QEvent>

namespace kith::app {

IdleWatcher::IdleWatcher(ClientState *state, QObject *parent) : QObject(parent), m_state(state)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDefaultIdleMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { m_state->setIdle(true); });
    m_timer.start();
    qApp->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

void IdleWatcher::setTimeout(int ms)
{
    m_timer.setInterval(ms);
    m_timer.start();
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        // Restarting a timer is cheap; only the idle -> active edge talks to the host.
        m_timer.start();
        if (m_state->isIdle())
            m_state->setIdle(false);
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace kith::app
