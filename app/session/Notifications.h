#pragma once
//! Whether a new message on any host becomes a desktop notification (not in do-not-disturb,
//! not while the user looks at that host, the pop-up and sound switches), what it says, the
//! unread badge across hosts, and which channel a click on one opens. The Notifier shows.

#include <QObject>
#include <functional>

class QSettings;

namespace kith {
struct Message;
}

namespace kith::app {

class HostSession;
class HostSet;
class Notifier;

class Notifications : public QObject
{
    Q_OBJECT
public:
    Notifications(HostSet *hosts, HostSession *primary, QSettings *settings, QObject *parent = nullptr);

    //! Replaces the notifier; takes ownership.
    void setNotifier(Notifier *notifier);
    Notifier *notifier() const { return m_notifier; }
    //! Whether the user looks at the window.
    void setFocusProbe(std::function<bool()> probe) { m_focusProbe = std::move(probe); }

    bool enabled() const;
    void setEnabled(bool on);
    bool soundEnabled() const;
    void setSoundEnabled(bool on);

    //! Notifies, or not, of `message` on `host`.
    void onNotifiable(HostSession *host, const kith::Message &message, bool mention);

signals:
    //! A notification was clicked: the window comes to the front (its channel opens after).
    void activated();

private:
    HostSet *m_hosts;
    HostSession *m_primary;
    QSettings *m_settings;
    Notifier *m_notifier = nullptr;
    std::function<bool()> m_focusProbe;
};

} // namespace kith::app
