#include "MessageListModel.h"

#include <QDateTime>
#include <algorithm>

namespace kith::app {

namespace {
qint64 localDay(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date().toJulianDay();
}
} // namespace

MessageListModel::Row MessageListModel::makeRow(const Message &m) const
{
    Row r;
    r.message = m;
    r.createdMs = snowflake::timestampMs(m.id);
    r.day = localDay(r.createdMs);
    r.mention = mentions(m);
    return r;
}

bool MessageListModel::mentions(const Message &m) const
{
    return m.author.id != m_me && !m.authorBlocked && m_mentionTest && m_mentionTest(m);
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size() + m_pending.size());
}

const MessageListModel::Row &MessageListModel::rowAt(int row) const
{
    return row < m_rows.size() ? m_rows.at(row) : m_pending.at(row - m_rows.size());
}

bool MessageListModel::grouped(int row) const
{
    if (row == 0)
        return false;
    const Row &a = rowAt(row - 1);
    const Row &b = rowAt(row);
    // A reply draws its quote above a header of its own, as chat apps do.
    return a.message.author.id == b.message.author.id && a.day == b.day && !b.message.replyToId
        && b.createdMs - a.createdMs < kGroupGapMs;
}

bool MessageListModel::dayStart(int row) const
{
    // The first loaded row only starts a day when nothing older exists.
    if (row == 0)
        return m_reachedStart;
    return rowAt(row - 1).day != rowAt(row).day;
}

bool MessageListModel::newStart(int row) const
{
    if (!m_newSince || row < 0 || row >= m_rows.size() || m_rows[row].message.id <= *m_newSince)
        return false;
    // Above the first loaded row only when nothing older exists: else an older unread may be missing.
    return row == 0 ? m_reachedStart : m_rows[row - 1].message.id <= *m_newSince;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Row &r = rowAt(row);
    const Message &m = r.message;
    switch (role) {
    case Qt::DisplayRole:
        // The server flags messages of people I block; their words stay out of view until asked for.
        if (m.authorBlocked && !m_revealed.contains(m.id))
            return tr("*Message from someone you blocked.* [Show message](%1)").arg(kRevealLink);
        return m.content;
    case HiddenRole:
        return m.authorBlocked && !m_revealed.contains(m.id);
    case MentionRole:
        return r.mention;
    case NewStartRole:
        return newStart(row);
    case IdRole:
        return QVariant::fromValue<quint64>(m.id);
    case AuthorIdRole:
        return QVariant::fromValue<quint64>(m.author.id);
    case AuthorNameRole:
        return m.author.displayName.isEmpty() ? m.author.username : m.author.displayName;
    case CreatedRole:
        return QDateTime::fromMSecsSinceEpoch(r.createdMs);
    case EditedAtRole:
        return m.editedAtMs;
    case StatusRole:
        return int(r.status);
    case ErrorRole:
        return r.error;
    case NonceRole:
        return m.nonce;
    case GroupedRole:
        return grouped(row);
    case DayStartRole:
        return dayStart(row);
    case MineRole:
        return m.author.id == m_me;
    case ReplyToIdRole:
        return QVariant::fromValue<quint64>(m.replyToId);
    case ReplyAuthorRole:
        return !m.replyTo ? QString()
               : m.replyTo->author.displayName.isEmpty() ? m.replyTo->author.username
                                                          : m.replyTo->author.displayName;
    case ReplyTextRole:
        return m.replyTo ? m.replyTo->content : QString();
    case ReplyAuthorIdRole:
        return QVariant::fromValue<quint64>(m.replyTo ? m.replyTo->author.id : 0);
    case ReactionsRole: {
        QVariantList out;
        for (const Reaction &x : m.reactions)
            out.append(QVariantMap{{QStringLiteral("emoji"), x.emoji},
                                   {QStringLiteral("count"), x.count},
                                   {QStringLiteral("me"), x.me}});
        return out;
    }
    case AttachmentsRole:
        return QVariant::fromValue(m.attachments);
    case AuthorAvatarRole:
        return m.author.avatar;
    case CacheKeyRole: {
        // A cheap number, not a string: the view asks for every row's size on each layout.
        size_t reactions = qHash(m.reactions.size());
        for (const Reaction &x : m.reactions)
            reactions = qHashMulti(reactions, x.emoji, x.count, x.me);
        return QVariant::fromValue<quint64>(
            m.id ? qHashMulti(0, m.id, m.editedAtMs, grouped(row), dayStart(row), int(r.status),
                              m.authorBlocked && !m_revealed.contains(m.id), r.mention, newStart(row),
                              m.replyTo.has_value(), reactions, m.attachments.size())
                 : qHashMulti(0, m.nonce, grouped(row), dayStart(row), int(r.status), r.error,
                              m.attachments.size()));
    }
    }
    return {};
}

int MessageListModel::lowerBound(Id id) const
{
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), id,
                                     [](const Row &r, Id v) { return r.message.id < v; });
    return int(it - m_rows.begin());
}

int MessageListModel::rowOf(Id id) const
{
    const int i = lowerBound(id);
    return i < m_rows.size() && m_rows[i].message.id == id ? i : -1;
}

void MessageListModel::setRevealed(Id id, bool shown)
{
    if (shown == m_revealed.contains(id))
        return;
    if (shown)
        m_revealed.insert(id);
    else
        m_revealed.remove(id);
    if (const int row = rowOf(id); row >= 0)
        touch(row);
}

Message MessageListModel::messageAt(int row) const
{
    return row >= 0 && row < rowCount() ? rowAt(row).message : Message{};
}

Id MessageListModel::lastMine() const
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i)
        if (m_rows[i].message.author.id == m_me)
            return m_rows[i].message.id;
    return 0;
}

void MessageListModel::touch(int row)
{
    if (row >= 0 && row < rowCount())
        emit dataChanged(index(row), index(row));
}

void MessageListModel::clear(Id channelId, std::optional<Id> newSince)
{
    beginResetModel();
    m_channel = channelId;
    m_newSince = newSince;
    m_rows.clear();
    m_pending.clear();
    m_confirmedNonces.clear();
    m_reachedStart = false;
    m_loadingOlder = false;
    endResetModel();
}

void MessageListModel::reset(Id channelId, const QList<Message> &newestFirst, bool reachedStart)
{
    QList<Row> rows;
    rows.reserve(newestFirst.size() + m_rows.size());
    for (auto it = newestFirst.rbegin(); it != newestFirst.rend(); ++it)
        rows.append(makeRow(*it));
    if (channelId == m_channel) {
        for (const Row &r : std::as_const(m_rows))
            if (rows.isEmpty() || r.message.id > rows.last().message.id)
                rows.append(r);
    }
    beginResetModel();
    if (channelId != m_channel)
        m_pending.clear();
    m_channel = channelId;
    m_rows = std::move(rows);
    m_confirmedNonces.clear();
    for (const Row &r : std::as_const(m_rows))
        if (r.message.author.id == m_me && !r.message.nonce.isEmpty())
            m_confirmedNonces.insert(r.message.nonce);
    m_reachedStart = reachedStart;
    m_loadingOlder = false;
    endResetModel();
}

void MessageListModel::prependOlder(const QList<Message> &newestFirst, bool reachedStart)
{
    m_loadingOlder = false;
    const Id oldest = m_rows.isEmpty() ? std::numeric_limits<Id>::max() : m_rows.first().message.id;
    QList<Row> older;
    for (auto it = newestFirst.rbegin(); it != newestFirst.rend(); ++it)
        if (it->id < oldest && it->channelId == m_channel)
            older.append(makeRow(*it));
    const bool wasReached = m_reachedStart;
    m_reachedStart = reachedStart;
    if (!older.isEmpty()) {
        beginInsertRows({}, 0, int(older.size()) - 1);
        m_rows.insert(0, older.size(), Row{});
        std::move(older.begin(), older.end(), m_rows.begin());
        endInsertRows();
    }
    // The old first row may now group with the page above it, or start a day.
    if (!older.isEmpty() || wasReached != reachedStart)
        touch(int(older.size()));
}

void MessageListModel::renameUser(const User &user)
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].message.author.id == user.id) {
            m_rows[i].message.author = user;
            touch(i);
        }
    if (user.id == m_me)
        m_meUser = user;
}

void MessageListModel::upsert(const Message &message)
{
    if (message.channelId != m_channel || !message.id)
        return;
    const int at = lowerBound(message.id);
    if (at < m_rows.size() && m_rows[at].message.id == message.id) {
        m_rows[at].message = message;
        m_rows[at].mention = mentions(message); // an edit may add or drop the mention
        touch(at);
        return;
    }
    // Only live messages newer than the loaded window belong here; anything older than the
    // first loaded row arrives with its page.
    if (at == 0 && !m_rows.isEmpty() && !m_reachedStart)
        return;
    beginInsertRows({}, at, at);
    m_rows.insert(at, makeRow(message));
    endInsertRows();
    touch(at + 1);
    if (message.author.id == m_me && !message.nonce.isEmpty()) {
        m_confirmedNonces.insert(message.nonce);
        // Its pending twin goes at once, even if the send reply is still on its way.
        for (int i = 0; i < m_pending.size(); ++i) {
            if (m_pending[i].message.nonce == message.nonce) {
                const int row = int(m_rows.size()) + i;
                beginRemoveRows({}, row, row);
                m_pending.removeAt(i);
                endRemoveRows();
                touch(row);
                break;
            }
        }
    }
}

void MessageListModel::remove(Id id)
{
    // Replies to it now quote nothing, as the host's history will say.
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].message.replyToId == id && m_rows[i].message.replyTo) {
            m_rows[i].message.replyTo.reset();
            touch(i);
        }
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    touch(row);
}

void MessageListModel::applyReaction(Id messageId, const QString &emoji, bool added, bool mine)
{
    const int row = rowOf(messageId);
    if (row < 0)
        return;
    QList<Reaction> &list = m_rows[row].message.reactions;
    auto it = std::find_if(list.begin(), list.end(), [&](const Reaction &x) { return x.emoji == emoji; });
    if (added) {
        if (it == list.end()) {
            list.append(Reaction{emoji, 1, mine});
        } else if (!(mine && it->me)) { // my own again (another device's echo) counts once
            ++it->count;
            it->me = it->me || mine;
        }
    } else if (it != list.end()) {
        if (mine && !it->me)
            return;
        if (--it->count <= 0)
            list.erase(it);
        else if (mine)
            it->me = false;
    }
    touch(row);
}

bool MessageListModel::hasMyReaction(Id messageId, const QString &emoji) const
{
    const int row = rowOf(messageId);
    if (row < 0)
        return false;
    for (const Reaction &x : m_rows[row].message.reactions)
        if (x.emoji == emoji)
            return x.me;
    return false;
}

void MessageListModel::setPending(const QList<OutboxEntry> &entries)
{
    QList<Row> next;
    for (const OutboxEntry &e : entries) {
        if (e.channelId != m_channel || m_confirmedNonces.contains(e.nonce))
            continue;
        Row r;
        r.message.channelId = e.channelId;
        r.message.content = e.content;
        r.message.nonce = e.nonce;
        r.message.author = m_meUser;
        for (const OutboxFile &f : e.files)
            r.message.attachments.append(Attachment{0, f.filename, f.size, f.contentType, -1, -1});
        r.createdMs = e.createdMs;
        r.day = localDay(e.createdMs);
        r.status = e.status == OutboxEntry::Status::Failed ? Status::Failed : Status::Pending;
        r.error = e.error;
        next.append(r);
    }
    const int base = int(m_rows.size());
    if (!m_pending.isEmpty()) {
        beginRemoveRows({}, base, base + int(m_pending.size()) - 1);
        m_pending.clear();
        endRemoveRows();
    }
    if (!next.isEmpty()) {
        beginInsertRows({}, base, base + int(next.size()) - 1);
        m_pending = std::move(next);
        endInsertRows();
    }
}

bool MessageListModel::canFetchOlder() const
{
    return m_channel && !m_reachedStart && !m_loadingOlder;
}

void MessageListModel::fetchOlder()
{
    if (!canFetchOlder())
        return;
    m_loadingOlder = true;
    emit olderRequested(m_channel, m_rows.isEmpty() ? 0 : m_rows.first().message.id);
}

} // namespace kith::app
