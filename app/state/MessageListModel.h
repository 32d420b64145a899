#pragma once
//! The loaded part of one channel's history, oldest first, followed by my unconfirmed sends.
//! Older pages are prepended on demand; the view asks through canFetchOlder()/fetchOlder()
//! rather than Qt's fetchMore(), which item views call when scrolled to the *bottom*.

#include "net/Outbox.h"
#include "shared/Types.h"

#include <QAbstractListModel>
#include <QSet>
#include <functional>
#include <optional>

namespace kith::app {

class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        AuthorIdRole,
        AuthorNameRole,
        CreatedRole,     //!< QDateTime, local time
        EditedAtRole,    //!< qint64 ms, 0 when never edited
        StatusRole,      //!< Status
        ErrorRole,
        NonceRole,
        GroupedRole,     //!< continues the previous row's author group: no header
        DayStartRole,    //!< first row of a local day: draw a separator above
        MineRole,
        CacheKeyRole,    //!< quint64; changes whenever what the delegate draws changes
        HiddenRole,      //!< from someone I block, and not shown anyway
        MentionRole,     //!< mentions me (@me, or @everyone where it counts): drawn highlighted
        NewStartRole,    //!< the first message I had not read when I opened the channel
        ReplyToIdRole,   //!< quint64 id of the message this one replies to; 0 when none
        ReplyAuthorRole, //!< the replied-to message's author's shown name; empty if deleted
        ReplyTextRole,   //!< its first 100 characters; empty if deleted
        ReactionsRole,   //!< QVariantList of QVariantMap {emoji, count, me}, in the order added
        ReplyAuthorIdRole, //!< quint64 id of the replied-to message's author (its colour); 0 if deleted
        AttachmentsRole, //!< QList<kith::Attachment>, in the order sent (a pending send's have id 0)
        AuthorAvatarRole, //!< the author's avatar path (PROTOCOL 16.3); empty when none
    };
    //! The link in a hidden message's placeholder that shows it.
    static constexpr QLatin1StringView kRevealLink{"kith:show-message"};
    enum class Status { Sent = 0, Pending = 1, Failed = 2 };

    //! Messages of one author closer than this share a header.
    static constexpr qint64 kGroupGapMs = 7 * 60 * 1000;

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    void setMe(const User &me) { m_me = me.id; m_meUser = me; }
    //! Decides whether a message mentions me, as the host counts it (set by ClientState).
    void setMentionTest(std::function<bool(const Message &)> test) { m_mentionTest = std::move(test); }
    Id channelId() const { return m_channel; }
    //! Shows a channel: `newestFirst` is a history page (as the host sends it). Live messages
    //! that arrived while the page was on its way are kept.
    void reset(Id channelId, const QList<Message> &newestFirst, bool reachedStart);
    //! Clears and, given `newSince` (my read marker when opening it; 0 when I never read it),
    //! shows a "new" line above the first message after it, until another channel is opened.
    void clear(Id channelId, std::optional<Id> newSince = std::nullopt);
    void prependOlder(const QList<Message> &newestFirst, bool reachedStart);
    void upsert(const Message &message);
    void remove(Id id);
    void setPending(const QList<OutboxEntry> &entries);

    bool canFetchOlder() const;
    void fetchOlder();
    void setLoadingOlder(bool loading) { m_loadingOlder = loading; }
    bool reachedStart() const { return m_reachedStart; }

    int rowOf(Id id) const;
    int confirmedCount() const { return int(m_rows.size()); }
    Message messageAt(int row) const;
    //! My newest sent message, for Up-to-edit; 0 when none is loaded.
    Id lastMine() const;
    //! "Show anyway" for a message of someone I block (kept for the session), or hide it again.
    void setRevealed(Id id, bool shown);

    //! reaction.added / reaction.removed: `mine` when the reaction is my user's.
    void applyReaction(Id messageId, const QString &emoji, bool added, bool mine);
    //! Whether I have `emoji` on a loaded message (clicking its chip takes it away).
    bool hasMyReaction(Id messageId, const QString &emoji) const;

    //! Someone's name changed (user.updated): their messages show it.
    void renameUser(const User &user);
    //! Every row's text again: the words the model adds are in the new language.
    void refreshAll()
    {
        if (rowCount())
            emit dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole});
    }

signals:
    void olderRequested(kith::Id channelId, kith::Id beforeId);

private:
    struct Row {
        Message message;
        qint64 createdMs = 0;
        qint64 day = 0;
        Status status = Status::Sent;
        QString error;
        bool mention = false;
    };
    Row makeRow(const Message &m) const;
    bool mentions(const Message &m) const;
    const Row &rowAt(int row) const;
    bool grouped(int row) const;
    bool dayStart(int row) const;
    bool newStart(int row) const;
    int lowerBound(Id id) const;
    void touch(int row);

    Id m_channel = 0;
    std::optional<Id> m_newSince;
    Id m_me = 0;
    User m_meUser;
    QList<Row> m_rows;     //!< confirmed, ascending id
    QList<Row> m_pending;  //!< outbox entries of this channel, in send order
    QSet<QString> m_confirmedNonces;
    QSet<Id> m_revealed;
    std::function<bool(const Message &)> m_mentionTest;
    bool m_reachedStart = false;
    bool m_loadingOlder = false;
};

} // namespace kith::app

Q_DECLARE_METATYPE(kith::Attachment)
