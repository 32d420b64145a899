// The dialogs the window opens: the quick switcher, profiles, server and channel settings, the
// guild, join-host, group DM and explore dialogs, and the connection log.
#include "MainWindow.h"

#include "ChannelDialog.h"
#include "ChannelSettingsDialog.h"
#include "ConnectionLogDialog.h"
#include "ExploreDialog.h"
#include "GroupDmDialog.h"
#include "GuildDialog.h"
#include "JoinHostDialog.h"
#include "ProfileDialog.h"
#include "QuickSwitcher.h"
#include "ServerSettingsDialog.h"
#include "net/Connection.h"
#include "state/ClientState.h"
#include "shared/InviteLink.h"

#include <algorithm>
#include <memory>

namespace kith::app {

void MainWindow::showConnectionLog()
{
    if (!m_frameLog)
        return;
    // One log window: asking again brings it back rather than opening another.
    if (!m_connectionLog) {
        m_connectionLog = new ConnectionLogDialog(m_frameLog, m_theme, this);
        m_connectionLog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_connectionLog->show();
    m_connectionLog->raise();
    m_connectionLog->activateWindow();
}

bool MainWindow::isConnectionLogShown() const
{
    return m_connectionLog && m_connectionLog->isVisible();
}

void MainWindow::openQuickSwitcher()
{
    if (!isWorkspaceShown())
        return;
    using Target = QuickSwitcher::Target;
    QList<Target> targets;
    // Every host the app is on; this window's own first.
    QList<RailHost> hosts = m_hosts;
    if (hosts.isEmpty())
        hosts.append({QString(), QString(), m_state});
    std::stable_partition(hosts.begin(), hosts.end(), [this](const RailHost &h) { return h.state == m_state; });
    for (const RailHost &h : std::as_const(hosts)) {
        const QString hostName = hosts.size() > 1 ? h.name : QString();
        ClientState *s = h.state;
        for (const Guild &g : s->guilds()->guilds()) {
            targets.append({Target::Kind::Guild, g.id, 0, QString(), g.name, h.id, hostName});
            for (const Channel &c : s->channelsOf(g.id))
                targets.append({Target::Kind::Channel, g.id, c.id, c.name, g.name, h.id, hostName});
        }
        for (const Channel &c : s->dms())
            targets.append({Target::Kind::Dm, 0, c.id, s->dmTitle(c), QString(), h.id, hostName});
        for (const Relationship &r : s->relationships())
            if (r.type == u"friend")
                targets.append({Target::Kind::Friend, 0, 0, r.user.displayName.isEmpty() ? r.user.username : r.user.displayName,
                                QString(), h.id, hostName, r.user.id});
    }
    auto *switcher = new QuickSwitcher(targets, this);
    switcher->setAttribute(Qt::WA_DeleteOnClose);
    connect(switcher, &QuickSwitcher::chosen, this, [this](const Target &t) {
        if (!t.hostId.isEmpty() && t.hostId != m_currentHostId)
            emit hostGuildRequested(t.hostId, t.guildId); // the window now shows that host
        switch (t.kind) {
        case Target::Kind::Guild:
            m_state->selectGuild(t.guildId);
            break;
        case Target::Kind::Channel:
        case Target::Kind::Dm:
            m_state->selectChannel(t.channelId);
            break;
        case Target::Kind::Friend:
            m_state->openDm(t.userId);
            break;
        }
    });
    switcher->open();
}

void MainWindow::openProfileDialog(Id guildId)
{
    if (!m_state->hasState())
        return;
    auto *dialog = new ProfileDialog(m_state, m_theme, guildId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openServerSettings()
{
    const Id guild = m_state->currentGuild();
    if (!guild || !m_state->hasState())
        return;
    auto *dialog = new ServerSettingsDialog(m_state, m_theme, guild, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The guild going (deleted, or I was removed) takes its settings with it.
    connect(m_state, &ClientState::currentGuildChanged, dialog, [dialog, guild](Id now) {
        if (now != guild)
            dialog->close();
    });
    connect(dialog, &ServerSettingsDialog::iconRequested, this, [this, guild] { openProfileDialog(guild); });
    dialog->open();
}

void MainWindow::openGuildDialog(bool join, const QString &code)
{
    const User &me = m_state->me();
    const QString name = me.displayName.isEmpty() ? me.username : me.displayName;
    auto *dialog = new GuildDialog(tr("%1's server").arg(name), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setJoin(join);
    if (!code.isEmpty())
        dialog->setCode(code);
    if (m_lanBrowser) {
        dialog->setPartyBrowser(m_lanBrowser, m_ownPartyFingerprint);
        connect(dialog, &GuildDialog::partyChosen, this, [this, dialog](const LanBrowser::Party &chosen) {
            const LanBrowser::Party p = chosen; // closing the dialog empties the list it came from
            dialog->accept();
            openJoinHostDialog(p.url, {}, p.fingerprint, true, p.password, p.name);
        });
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!dialog->isJoin())
            m_state->createGuild(dialog->name());
    });
    connect(dialog, &GuildDialog::joinRequested, this, [this, dialog](const QString &raw) {
        // A link names its host: it may be another one than this.
        if (InviteLink::parse(raw).server.isValid()) {
            dialog->accept();
            emit linkRequested(raw);
            return;
        }
        const QString code = dialog->code();
        auto answer = std::make_shared<QMetaObject::Connection>();
        *answer = connect(m_state, &ClientState::joinAnswered, dialog,
                          [dialog, code, answer](const QString &c, bool ok, const Error &error) {
                              if (c != code)
                                  return;
                              disconnect(*answer);
                              if (ok)
                                  dialog->accept();
                              else if (error.code == ErrorCode::NotFound)
                                  dialog->setError(tr("That invite code is not valid here. Check it, or ask for a new one."));
                              else
                                  dialog->setError(error.message.isEmpty() ? tr("Joining failed.") : error.message);
                          });
        m_state->joinGuild(code, false);
    });
    dialog->open();
}

void MainWindow::openJoinHostDialog(const QUrl &server, const QString &code, const QString &fingerprint,
                                    bool guestFirst, bool passwordNeeded, const QString &label)
{
    const User &me = m_state->me();
    auto *dialog = new JoinHostDialog(server, code, me.displayName.isEmpty() ? me.username : me.displayName,
                                      guestFirst, passwordNeeded, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setLabel(label);
    dialog->setFingerprint(fingerprint);
    connect(dialog, &JoinHostDialog::joinRequested, this, &MainWindow::joinHostRequested);
    dialog->open();
}

void MainWindow::openGroupDmDialog(const User &with)
{
    QList<User> friends;
    bool listed = false;
    for (const Relationship &r : m_state->relationships())
        if (r.type == u"friend") {
            friends.append(r.user);
            listed |= r.user.id == with.id;
        }
    std::sort(friends.begin(), friends.end(), [](const User &a, const User &b) {
        const QString an = a.displayName.isEmpty() ? a.username : a.displayName;
        const QString bn = b.displayName.isEmpty() ? b.username : b.displayName;
        return an.compare(bn, Qt::CaseInsensitive) < 0;
    });
    if (with.id && !listed)
        friends.prepend(with); // a guild member I am not friends with, asked for by name
    auto *dialog = new GroupDmDialog(friends, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (with.id)
        dialog->setChosen(with.id, true);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_state->createGroupDm(dialog->chosen(), dialog->name()); });
    dialog->open();
}

void MainWindow::openChannelDialog(Id channelId)
{
    if (channelId) {
        openChannelSettings(channelId);
        return;
    }
    QList<Channel> categories;
    for (const Channel &c : m_state->channels()->channels())
        if (c.isCategory())
            categories.append(c);
    auto *dialog = new ChannelDialog(categories, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_state->createChannel(dialog->channel()); });
    dialog->open();
}

void MainWindow::openChannelSettings(Id channelId)
{
    const Channel c = m_state->channel(channelId);
    if (!c.id || c.isDm())
        return;
    auto *dialog = new ChannelSettingsDialog(m_state, channelId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (dialog->sections().isEmpty()) {
        delete dialog; // neither manage_channels nor manage_roles
        return;
    }
    dialog->open();
}

void MainWindow::openExplore()
{
    if (!m_state->hasState())
        return;
    if (auto *open = findChild<ExploreDialog *>()) {
        open->raise();
        return;
    }
    auto *dialog = new ExploreDialog(m_state, m_theme, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace kith::app
