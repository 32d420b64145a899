#pragma once
//! Desktop notifications behind one interface, so tests can observe them without a tray.
//! The app decides *whether* to notify (session/Notifications); a Notifier only shows.

#include <QObject>

namespace kith::app {

class Notifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    //! Shows a notification; clicking it emits activated(channelId).
    virtual void notify(const QString &title, const QString &body, quint64 channelId) = 0;
    //! Plays the notification sound.
    virtual void playSound() {}
    //! The total of mentions/unread DMs, for the app icon's and the tray's badge.
    virtual void setUnreadCount(int count) { Q_UNUSED(count) }

signals:
    void activated(quint64 channelId);
};

} // namespace kith::app
