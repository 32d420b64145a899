// Channel visibility and permission enforcement (issue 13) against a real server: a channel
// without view_channel for me is not in ready or guild.created, its events do not reach me, its
// history, messages, search results, read state and files are not_found; losing and gaining
// view_channel (overwrites, roles, ranks, @everyone) brings channel.deleted / channel.created;
// send_messages, add_reactions, attach_files and mention_everyone are enforced per channel.
#include "SocialFixture.h"
#include "common/RawHttp.h"
#include "common/Scenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {

QJsonArray names(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

//! An HTTP GET on the gateway's port; the status line's code (0: no answer).
int httpGet(quint16 port, const QByteArray &target, const QString &token)
{
    return httpExchange(port, httpRequest("GET", target, token, {}, {}, false)).status;
}

} // namespace

class tst_Visibility : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void deniedChannelIsInvisible();
    void invisibleChannelsOpsAreNotFound();
    void eventsSkipWhoCannotSee();
    void searchReadStatesAndActivity();
    void roleOverwriteGrantsView();
    void rankSeesPastOverwrites();
    void everyoneWithoutView();
    void channelDeleteOnlyToViewers();
    void sendAndTypingNeedSendMessages();
    void reactionsNeedAddReactions();
    void attachmentsNeedAttachFiles();
    void attachmentOfInvisibleChannelIs404();
    void mentionEveryoneFollowsPermission();

private:
    Reply overwrite(TestClient &c, const QString &channelId, const QString &roleId, const QStringList &allow,
                    const QStringList &deny);
    //! Hides the secret channel from @everyone; b and c get channel.deleted (taken).
    void hideSecret();
    //! The guild as a fresh session of c sees it in ready.
    QJsonObject guildSeenFresh(const TestClient &c);
    QJsonObject readyOfFresh(const TestClient &c);
    static QStringList channelIds(const QJsonObject &guild);
    QString createRole(const QString &name, const QStringList &permissions);

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_owner, m_admin, m_b, m_c, m_out;
    GuildRef m_g;
    QString m_secret; //!< a second channel of the guild
};

void tst_Visibility::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// owner owns the guild, admin has the admin rank, b and c are plain members, out is an outsider.
void tst_Visibility::init()
{
    QVERIFY(m_fx.rankedGuild(m_owner, m_admin, m_b, m_c, m_out, m_g));
    const Reply ch = m_owner->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"secret"_s}});
    QVERIFY2(ch.ok, qPrintable(ch.describe()));
    m_secret = ch.d.value(u"id"_s).toString();
    QVERIFY(m_fx.settle({m_owner.get(), m_admin.get(), m_b.get(), m_c.get(), m_out.get()}));
}

void tst_Visibility::cleanup()
{
    const QStringList problems = SocialFixture::release({&m_owner, &m_admin, &m_b, &m_c, &m_out});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

Reply tst_Visibility::overwrite(TestClient &c, const QString &channelId, const QString &roleId,
                                const QStringList &allow, const QStringList &deny)
{
    return c.request(u"channel.set_overwrite"_s, {{u"channel_id"_s, channelId},
                                                  {u"role_id"_s, roleId},
                                                  {u"allow"_s, names(allow)},
                                                  {u"deny"_s, names(deny)}});
}

void tst_Visibility::hideSecret()
{
    const Reply r = overwrite(*m_owner, m_secret, m_g.guildId, {}, {u"view_channel"_s});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    for (TestClient *c : {m_b.get(), m_c.get()}) {
        const auto gone = m_fx.waitFor(*c, u"channel.deleted"_s);
        QVERIFY(gone);
        QCOMPARE(gone->d, (QJsonObject{{u"id"_s, m_secret}, {u"guild_id"_s, m_g.guildId}}));
    }
    QVERIFY(m_fx.settle({m_owner.get(), m_admin.get(), m_b.get(), m_c.get()}));
}

QJsonObject tst_Visibility::readyOfFresh(const TestClient &c)
{
    auto fresh = m_fx.secondSession(c);
    return fresh ? fresh->readyData() : QJsonObject{};
}

QJsonObject tst_Visibility::guildSeenFresh(const TestClient &c)
{
    for (const QJsonValue &g : readyOfFresh(c).value(u"guilds"_s).toArray())
        if (g.toObject().value(u"id"_s).toString() == m_g.guildId)
            return g.toObject();
    return {};
}

QStringList tst_Visibility::channelIds(const QJsonObject &guild)
{
    QStringList out;
    for (const QJsonValue &v : guild.value(u"channels"_s).toArray())
        out.append(v.toObject().value(u"id"_s).toString());
    return out;
}

QString tst_Visibility::createRole(const QString &name, const QStringList &permissions)
{
    const Reply r = m_owner->request(u"role.create"_s, {{u"guild_id"_s, m_g.guildId},
                                                        {u"name"_s, name},
                                                        {u"permissions"_s, names(permissions)}});
    return r.ok ? r.d.value(u"id"_s).toString() : QString();
}

void tst_Visibility::deniedChannelIsInvisible()
{
    const Reply r = overwrite(*m_owner, m_secret, m_g.guildId, {}, {u"view_channel"_s});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    // Those who lost it: channel.deleted, no channel.updated. Owner and admin: channel.updated.
    for (TestClient *c : {m_b.get(), m_c.get()}) {
        const auto gone = m_fx.waitFor(*c, u"channel.deleted"_s);
        QVERIFY(gone);
        QCOMPARE(gone->d, (QJsonObject{{u"id"_s, m_secret}, {u"guild_id"_s, m_g.guildId}}));
    }
    for (TestClient *c : {m_owner.get(), m_admin.get()}) {
        const auto ev = m_fx.waitFor(*c, u"channel.updated"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, r.d);
    }
    for (TestClient *c : {m_owner.get(), m_admin.get(), m_b.get(), m_c.get()})
        QVERIFY(SocialFixture::flush(*c));
    QCOMPARE(m_fx.count(*m_b, u"channel.updated"_s), 0);
    QCOMPARE(m_fx.count(*m_owner, u"channel.deleted"_s), 0);
    QCOMPARE(m_fx.count(*m_admin, u"channel.deleted"_s), 0);

    // ready: b sees general only; the owner and admin both channels.
    QCOMPARE(channelIds(guildSeenFresh(*m_b)), QStringList{m_g.channelId});
    QCOMPARE(channelIds(guildSeenFresh(*m_admin)), (QStringList{m_g.channelId, m_secret}));
    QCOMPARE(channelIds(guildSeenFresh(*m_owner)), (QStringList{m_g.channelId, m_secret}));
    // guild.created (the join's reply) of a newcomer leaves it out too.
    auto d = m_fx.user(u"dee"_s);
    QVERIFY(joinGuild(*m_owner, *d, m_g));
    const auto created = d->waitEvent(u"guild.created"_s);
    QVERIFY(created);
    QCOMPARE(channelIds(created->d), QStringList{m_g.channelId});
    QCOMPARE(created->d.value(u"members"_s).toArray().size(), 5); // members are all still there
}

void tst_Visibility::invisibleChannelsOpsAreNotFound()
{
    const Reply sent = sendMessage(*m_owner, m_secret, u"for staff"_s);
    QVERIFY(sent.ok);
    const QString mid = sent.d.value(u"id"_s).toString();
    hideSecret();
    // Exactly as for an outsider: not_found.
    for (TestClient *c : {m_b.get(), m_out.get()}) {
        QCOMPARE(outcome(c->request(u"message.history"_s, {{u"channel_id"_s, m_secret}})), u"not_found"_s);
        QCOMPARE(outcome(sendMessage(*c, m_secret, u"hi"_s)), u"not_found"_s);
        QCOMPARE(outcome(c->request(u"typing.start"_s, {{u"channel_id"_s, m_secret}})), u"not_found"_s);
        QCOMPARE(outcome(c->request(u"channel.ack"_s, {{u"channel_id"_s, m_secret}, {u"message_id"_s, mid}})),
                 u"not_found"_s);
        QCOMPARE(outcome(c->request(u"reaction.add"_s,
                                    {{u"channel_id"_s, m_secret}, {u"message_id"_s, mid}, {u"emoji"_s, u"👍"_s}})),
                 u"not_found"_s);
        QCOMPARE(outcome(c->request(u"message.edit"_s, {{u"message_id"_s, mid}, {u"content"_s, u"x"_s}})),
                 u"not_found"_s);
        QCOMPARE(outcome(c->request(u"message.delete"_s, {{u"message_id"_s, mid}})), u"not_found"_s);
        QCOMPARE(outcome(c->request(u"message.search"_s, {{u"query"_s, u"staff"_s}, {u"channel_id"_s, m_secret}})),
                 u"not_found"_s);
    }
    // The owner and admin carry on.
    QVERIFY(m_admin->request(u"message.history"_s, {{u"channel_id"_s, m_secret}}).ok);
    QVERIFY(sendMessage(*m_admin, m_secret, u"still here"_s).ok);
}

void tst_Visibility::eventsSkipWhoCannotSee()
{
    hideSecret();
    const Reply sent = sendMessage(*m_owner, m_secret, u"quiet"_s);
    QVERIFY(sent.ok);
    const QString mid = sent.d.value(u"id"_s).toString();
    QVERIFY(m_admin->request(u"typing.start"_s, {{u"channel_id"_s, m_secret}}).ok);
    QVERIFY(m_admin->request(u"reaction.add"_s,
                             {{u"channel_id"_s, m_secret}, {u"message_id"_s, mid}, {u"emoji"_s, u"👍"_s}})
                .ok);
    QVERIFY(m_owner->request(u"message.edit"_s, {{u"message_id"_s, mid}, {u"content"_s, u"quieter"_s}}).ok);
    QVERIFY(m_owner->request(u"channel.update"_s, {{u"channel_id"_s, m_secret}, {u"topic"_s, u"shh"_s}}).ok);
    QVERIFY(m_owner->request(u"message.delete"_s, {{u"message_id"_s, mid}}).ok);
    QVERIFY(m_fx.waitFor(*m_admin, u"message.deleted"_s));
    QVERIFY(m_fx.waitFor(*m_owner, u"typing.started"_s));
    // A message in general still reaches b: after it, b has seen everything sent before.
    QVERIFY(sendMessage(*m_owner, m_g.channelId, u"loud"_s).ok);
    QVERIFY(m_fx.waitFor(*m_b, u"message.created"_s));
    QVERIFY(SocialFixture::flush(*m_b));
    for (const QString &ev : {u"message.updated"_s, u"message.deleted"_s, u"reaction.added"_s,
                              u"typing.started"_s, u"channel.updated"_s})
        QCOMPARE(m_fx.count(*m_b, ev), 0);
    const QList<Event> created = m_fx.events(*m_b, u"message.created"_s);
    QCOMPARE(created.size(), 1); // the one in general
    QCOMPARE(created.first().d.value(u"channel_id"_s).toString(), m_g.channelId);
    QCOMPARE(m_fx.count(*m_admin, u"message.created"_s), 2);
}

void tst_Visibility::searchReadStatesAndActivity()
{
    QVERIFY(sendMessage(*m_owner, m_secret, u"pineapple plans"_s).ok);
    QVERIFY(sendMessage(*m_owner, m_g.channelId, u"pineapple public"_s).ok);
    hideSecret();
    auto search = [&](TestClient &c, const QJsonObject &extra) {
        QJsonObject d = extra;
        d.insert(u"query"_s, u"pineapple"_s);
        const Reply r = c.request(u"message.search"_s, d);
        return r.ok ? r.d.value(u"total"_s).toInt() : -1;
    };
    QCOMPARE(search(*m_b, {}), 1);
    QCOMPARE(search(*m_b, {{u"guild_id"_s, m_g.guildId}}), 1);
    QCOMPARE(search(*m_admin, {}), 2);
    QCOMPARE(search(*m_admin, {{u"guild_id"_s, m_g.guildId}}), 2);

    auto stateIds = [](const QJsonObject &ready) {
        QStringList out;
        for (const QJsonValue &v : ready.value(u"read_states"_s).toArray())
            out.append(v.toObject().value(u"channel_id"_s).toString());
        return out;
    };
    QVERIFY(!stateIds(readyOfFresh(*m_b)).contains(m_secret));
    QVERIFY(stateIds(readyOfFresh(*m_b)).contains(m_g.channelId));
    QVERIFY(stateIds(readyOfFresh(*m_admin)).contains(m_secret));

    auto active = [&](TestClient &c) {
        QStringList out;
        const Reply r = c.request(u"discover.active_channels"_s, {{u"guild_id"_s, m_g.guildId}});
        for (const QJsonValue &v : r.d.value(u"channels"_s).toArray())
            out.append(v.toObject().value(u"channel"_s).toObject().value(u"id"_s).toString());
        return out;
    };
    QCOMPARE(active(*m_b), QStringList{m_g.channelId});
    QVERIFY(active(*m_admin).contains(m_secret));
}

void tst_Visibility::roleOverwriteGrantsView()
{
    hideSecret();
    const QString staff = createRole(u"Staff"_s, {});
    QVERIFY(!staff.isEmpty());
    QVERIFY(overwrite(*m_owner, m_secret, staff, {u"view_channel"_s}, {}).ok);
    QVERIFY(SocialFixture::flush(*m_c));
    QCOMPARE(m_fx.count(*m_c, u"channel.updated"_s), 0);
    // Given the role: c gains the channel (whole), b does not.
    QVERIFY(m_owner->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                     {u"user_id"_s, m_c->userId()},
                                                     {u"role_ids"_s, QJsonArray{staff}}})
                .ok);
    const auto gained = m_fx.waitFor(*m_c, u"channel.created"_s);
    QVERIFY(gained);
    QCOMPARE(gained->d.value(u"id"_s).toString(), m_secret);
    QCOMPARE(gained->d.value(u"overwrites"_s).toArray().size(), 2);
    QVERIFY(m_c->request(u"message.history"_s, {{u"channel_id"_s, m_secret}}).ok);
    QCOMPARE(channelIds(guildSeenFresh(*m_c)), (QStringList{m_g.channelId, m_secret}));
    // Its messages reach c now, not b.
    QVERIFY(sendMessage(*m_owner, m_secret, u"welcome"_s).ok);
    QVERIFY(m_fx.waitFor(*m_c, u"message.created"_s));
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_b, u"message.created"_s), 0);
    QCOMPARE(m_fx.count(*m_b, u"channel.created"_s), 0);
    // The role loses view_channel through role.update? Not through its permissions: the
    // overwrite allows it. Deleting the role takes the channel away again.
    QVERIFY(m_owner->request(u"role.delete"_s, {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, staff}}).ok);
    const auto lost = m_fx.waitFor(*m_c, u"channel.deleted"_s);
    QVERIFY(lost);
    QCOMPARE(lost->d.value(u"id"_s).toString(), m_secret);
    // Lifting @everyone's overwrite: both get it back.
    QVERIFY(m_owner->request(u"channel.delete_overwrite"_s, {{u"channel_id"_s, m_secret}, {u"role_id"_s, m_g.guildId}})
                .ok);
    for (TestClient *c : {m_b.get(), m_c.get()}) {
        const auto back = m_fx.waitFor(*c, u"channel.created"_s);
        QVERIFY(back);
        QCOMPARE(back->d.value(u"overwrites"_s).toArray(), QJsonArray{});
    }
}

void tst_Visibility::rankSeesPastOverwrites()
{
    hideSecret();
    // An admin made a member loses it; made admin again, has it back.
    QVERIFY(m_owner->request(u"member.set_role"_s, {{u"guild_id"_s, m_g.guildId},
                                                    {u"user_id"_s, m_admin->userId()},
                                                    {u"role"_s, u"member"_s}})
                .ok);
    QVERIFY(m_fx.waitFor(*m_admin, u"channel.deleted"_s));
    QCOMPARE(outcome(m_admin->request(u"message.history"_s, {{u"channel_id"_s, m_secret}})), u"not_found"_s);
    QVERIFY(m_owner->request(u"member.set_role"_s, {{u"guild_id"_s, m_g.guildId},
                                                    {u"user_id"_s, m_b->userId()},
                                                    {u"role"_s, u"admin"_s}})
                .ok);
    const auto back = m_fx.waitFor(*m_b, u"channel.created"_s);
    QVERIFY(back);
    QCOMPARE(back->d.value(u"id"_s).toString(), m_secret);
    QVERIFY(m_b->request(u"message.history"_s, {{u"channel_id"_s, m_secret}}).ok);
}

void tst_Visibility::everyoneWithoutView()
{
    const Reply r = m_owner->request(u"role.update"_s, {{u"guild_id"_s, m_g.guildId},
                                                        {u"role_id"_s, m_g.guildId},
                                                        {u"permissions"_s, names({u"send_messages"_s})}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    for (TestClient *c : {m_b.get(), m_c.get()}) {
        QStringList gone;
        for (int i = 0; i < 2; ++i) {
            const auto ev = m_fx.waitFor(*c, u"channel.deleted"_s);
            QVERIFY(ev);
            gone.append(ev->d.value(u"id"_s).toString());
        }
        gone.sort();
        QStringList both{m_g.channelId, m_secret};
        both.sort();
        QCOMPARE(gone, both);
    }
    QCOMPARE(channelIds(guildSeenFresh(*m_b)), QStringList{});
    QCOMPARE(channelIds(guildSeenFresh(*m_admin)).size(), 2);
    // A role with view_channel shows them again.
    const QString viewers = createRole(u"Viewers"_s, {u"view_channel"_s});
    QVERIFY(!viewers.isEmpty());
    QVERIFY(m_owner->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                     {u"user_id"_s, m_b->userId()},
                                                     {u"role_ids"_s, QJsonArray{viewers}}})
                .ok);
    QVERIFY(m_fx.waitFor(*m_b, u"channel.created"_s));
    QVERIFY(m_fx.waitFor(*m_b, u"channel.created"_s));
    // A channel created now reaches only those who see it.
    const Reply made = m_owner->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"new"_s}});
    QVERIFY(made.ok);
    QVERIFY(m_fx.waitFor(*m_b, u"channel.created"_s,
                         [&](const Event &e) { return e.d.value(u"id"_s) == made.d.value(u"id"_s); }));
    QVERIFY(m_fx.waitFor(*m_admin, u"channel.created"_s));
    QVERIFY(SocialFixture::flush(*m_c));
    QCOMPARE(m_fx.count(*m_c, u"channel.created"_s), 0);
}

void tst_Visibility::channelDeleteOnlyToViewers()
{
    hideSecret();
    QVERIFY(m_owner->request(u"channel.delete"_s, {{u"channel_id"_s, m_secret}}).ok);
    QVERIFY(m_fx.waitFor(*m_admin, u"channel.deleted"_s));
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_b, u"channel.deleted"_s), 0);
}

void tst_Visibility::sendAndTypingNeedSendMessages()
{
    QVERIFY(overwrite(*m_owner, m_g.channelId, m_g.guildId, {}, {u"send_messages"_s}).ok);
    const Reply refused = sendMessage(*m_b, m_g.channelId, u"hi"_s);
    QCOMPARE(outcome(refused), u"forbidden"_s);
    QVERIFY(refused.message.contains(u"send_messages"_s));
    QCOMPARE(outcome(m_b->request(u"typing.start"_s, {{u"channel_id"_s, m_g.channelId}})), u"forbidden"_s);
    // Still visible: history works.
    QVERIFY(m_b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}}).ok);
    // The owner and admin are not subject to overwrites; other channels are untouched.
    QVERIFY(sendMessage(*m_owner, m_g.channelId, u"owner"_s).ok);
    QVERIFY(sendMessage(*m_admin, m_g.channelId, u"admin"_s).ok);
    QVERIFY(m_admin->request(u"typing.start"_s, {{u"channel_id"_s, m_g.channelId}}).ok);
    QVERIFY(sendMessage(*m_b, m_secret, u"elsewhere"_s).ok);
    // A role's allow beats @everyone's deny.
    const QString speakers = createRole(u"Speakers"_s, {});
    QVERIFY(overwrite(*m_owner, m_g.channelId, speakers, {u"send_messages"_s}, {}).ok);
    QVERIFY(m_owner->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                     {u"user_id"_s, m_b->userId()},
                                                     {u"role_ids"_s, QJsonArray{speakers}}})
                .ok);
    QVERIFY(sendMessage(*m_b, m_g.channelId, u"allowed now"_s).ok);
    QCOMPARE(outcome(sendMessage(*m_c, m_g.channelId, u"not me"_s)), u"forbidden"_s);
    // An outsider is still not_found.
    QCOMPARE(outcome(sendMessage(*m_out, m_g.channelId, u"x"_s)), u"not_found"_s);
    // Guild-wide: @everyone without send_messages.
    QVERIFY(m_owner->request(u"role.update"_s, {{u"guild_id"_s, m_g.guildId},
                                                {u"role_id"_s, m_g.guildId},
                                                {u"permissions"_s, names({u"view_channel"_s})}})
                .ok);
    QCOMPARE(outcome(sendMessage(*m_c, m_secret, u"x"_s)), u"forbidden"_s);
}

void tst_Visibility::reactionsNeedAddReactions()
{
    const Reply sent = sendMessage(*m_owner, m_g.channelId, u"react to me"_s);
    QVERIFY(sent.ok);
    const QString mid = sent.d.value(u"id"_s).toString();
    const QJsonObject target{{u"channel_id"_s, m_g.channelId}, {u"message_id"_s, mid}, {u"emoji"_s, u"👍"_s}};
    QVERIFY(m_b->request(u"reaction.add"_s, target).ok);
    QVERIFY(overwrite(*m_owner, m_g.channelId, m_g.guildId, {}, {u"add_reactions"_s}).ok);
    QJsonObject other = target;
    other[u"emoji"_s] = u"🎉"_s;
    const Reply refused = m_c->request(u"reaction.add"_s, other);
    QCOMPARE(outcome(refused), u"forbidden"_s);
    QVERIFY(refused.message.contains(u"add_reactions"_s));
    // Taking one's own away stays possible; the admin still adds.
    QVERIFY(m_b->request(u"reaction.remove"_s, target).ok);
    QVERIFY(m_admin->request(u"reaction.add"_s, other).ok);
    QVERIFY(m_owner->request(u"reaction.add"_s, other).ok);
}

void tst_Visibility::attachmentsNeedAttachFiles()
{
    QVERIFY(overwrite(*m_owner, m_g.channelId, m_g.guildId, {}, {u"attach_files"_s}).ok);
    // Refused before the ids are looked at: any id will do.
    const Reply refused = m_b->request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                           {u"content"_s, u"file"_s},
                                                           {u"nonce"_s, newNonce()},
                                                           {u"attachment_ids"_s, QJsonArray{u"12345"_s}}});
    QCOMPARE(outcome(refused), u"forbidden"_s);
    QVERIFY(refused.message.contains(u"attach_files"_s));
    // Words alone still go; the admin's attachment is judged on the id (unknown here).
    QVERIFY(sendMessage(*m_b, m_g.channelId, u"words"_s).ok);
    const Reply admin = m_admin->request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                             {u"content"_s, u"file"_s},
                                                             {u"nonce"_s, newNonce()},
                                                             {u"attachment_ids"_s, QJsonArray{u"12345"_s}}});
    QVERIFY(outcome(admin) != u"forbidden"_s);
}

void tst_Visibility::attachmentOfInvisibleChannelIs404()
{
    const quint16 port = quint16(m_fx.server().url().port());
    const HttpReply up = httpUpload(port, m_owner->token(), "secret plans", u"plans.txt"_s, "text/plain");
    const QString id = up.json().value(u"id"_s).toString();
    QVERIFY2(!id.isEmpty(), qPrintable(up.describe()));
    const Reply sent = m_owner->request(u"message.send"_s, {{u"channel_id"_s, m_secret},
                                                            {u"content"_s, u""_s},
                                                            {u"nonce"_s, newNonce()},
                                                            {u"attachment_ids"_s, QJsonArray{id}}});
    QVERIFY2(sent.ok, qPrintable(sent.describe()));
    const QByteArray url =
        sent.d.value(u"attachments"_s).toArray().first().toObject().value(u"url"_s).toString().toUtf8();
    QCOMPARE(httpGet(port, url, m_b->token()), 200);
    hideSecret();
    QCOMPARE(httpGet(port, url, m_b->token()), 404);
    QCOMPARE(httpGet(port, url, m_admin->token()), 200);
}

void tst_Visibility::mentionEveryoneFollowsPermission()
{
    auto mentions = [&](const TestClient &c, const QString &channelId) {
        for (const QJsonValue &v : readyOfFresh(c).value(u"read_states"_s).toArray())
            if (v.toObject().value(u"channel_id"_s).toString() == channelId)
                return v.toObject().value(u"mentions"_s).toInt();
        return -1;
    };
    // A plain member's @everyone mentions nobody; the admin's does (as in v1).
    QVERIFY(sendMessage(*m_b, m_g.channelId, u"hello @everyone"_s).ok);
    QCOMPARE(mentions(*m_c, m_g.channelId), 0);
    QVERIFY(sendMessage(*m_admin, m_g.channelId, u"hello @everyone"_s).ok);
    QCOMPARE(mentions(*m_c, m_g.channelId), 1);
    // mention_everyone through a role: b's counts now; an overwrite can take it away in one channel.
    const QString heralds = createRole(u"Heralds"_s, {u"mention_everyone"_s});
    QVERIFY(m_owner->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                     {u"user_id"_s, m_b->userId()},
                                                     {u"role_ids"_s, QJsonArray{heralds}}})
                .ok);
    QVERIFY(sendMessage(*m_b, m_g.channelId, u"again @everyone"_s).ok);
    QCOMPARE(mentions(*m_c, m_g.channelId), 2);
    QVERIFY(overwrite(*m_owner, m_secret, heralds, {}, {u"mention_everyone"_s}).ok);
    QVERIFY(sendMessage(*m_b, m_secret, u"there @everyone"_s).ok);
    QCOMPARE(mentions(*m_c, m_secret), 0);
}

QTEST_GUILESS_MAIN(tst_Visibility)
#include "tst_visibility.moc"
