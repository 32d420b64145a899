#include "Notifications.h"

#include "HostSet.h"
#include "platform/Notifier.h"
#include "state/ClientState.h"
#include "Settings.h"

#include <QSettings>

namespace kith::app {

namespace {
const QString kNotify = QStringLiteral("notifications/enabled");
const QString kSound = QStringLiteral("notifications/sound");
} // namespace

Notifications::Notifications(HostSet *hosts, HostSession *primary, QSettings *settings, QObject *parent)
    : QObject(parent), m_hosts(hosts), m_primary(primary), m_settings(settings)
{
    connect(m_hosts, &HostSet::countsChanged, this, [this] {
        if (m_notifier)
            m_notifier->setUnreadCount(m_hosts->totalMentions());
    });
}

void Notifications::setNotifier(Notifier *notifier)
{
    delete m_notifier;
    m_notifier = notifier;
    if (!notifier)
        return;
    notifier->setParent(this);
    connect(notifier, &Notifier::activated, this, [this](quint64 channelId) {
        emit activated();
        if (!channelId)
            return;
        // Ids are unique across hosts in practice (time + node + sequence); the first host
        // that knows the channel is the one the notification came from.
        for (HostSession *h : m_hosts->hosts())
            if (h->state()->channel(channelId).id == channelId) {
                m_hosts->setCurrent(h);
                h->state()->selectChannel(channelId);
                return;
            }
    });
}

bool Notifications::enabled() const
{
    return m_settings->value(kNotify, true).toBool();
}

void Notifications::setEnabled(bool on)
{
    storeSetting(m_settings, kNotify, on);
}

bool Notifications::soundEnabled() const
{
    return m_settings->value(kSound, true).toBool();
}

void Notifications::setSoundEnabled(bool on)
{
    storeSetting(m_settings, kSound, on);
}

void Notifications::onNotifiable(HostSession *host, const Message &message, bool mention)
{
    ClientState *state = host->state();
    // Do not disturb, or the user is looking at this host: stay quiet. (Muted channels never get here.)
    if (!m_notifier || m_primary->state()->myStatus() == u"dnd"
        || (host == m_hosts->current() && m_focusProbe && m_focusProbe()))
        return;
    if (soundEnabled())
        m_notifier->playSound();
    if (!enabled())
        return;
    const QString author = message.author.displayName.isEmpty() ? message.author.username : message.author.displayName;
    const Channel c = state->channel(message.channelId);
    QString title;
    if (c.isDm())
        title = c.type == ChannelType::Dm ? author : tr("%1 in %2").arg(author, c.name);
    else
        title = tr("%1 in #%2 (%3)").arg(author, c.name, state->guild(c.guildId).name);
    if (m_hosts->hosts().size() > 1 && host != m_primary)
        title = tr("%1 · %2").arg(title, host->name());
    Q_UNUSED(mention)
    m_notifier->notify(title, message.content.left(200), message.channelId);
}

} // namespace kith::app
