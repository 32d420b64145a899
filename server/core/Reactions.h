#pragma once
//! reaction.add / reaction.remove / reaction.users, and how stored reactions become each reader's `reactions`.

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "shared/Types.h"
#include "store/Store.h"

#include <QHash>
#include <optional>

namespace kith::server {

//! One emoji on a message and who added it, in the order added.
struct EmojiUsers {
    QString emoji;
    QList<Id> users;
};
using MessageReactions = QList<EmojiUsers>;

class Reactions
{
public:
    explicit Reactions(ServiceContext &ctx) : m_ctx(ctx) {}

    void add(const Call &call) { change(call, true); }
    void remove(const Call &call) { change(call, false); }
    //! reaction.users: who added one emoji to a message, in the order they did.
    void users(const Call &call);

    //! Rows (in the order added) grouped per message, each emoji in the order first added.
    static QHash<Id, MessageReactions> group(const QList<ReactionRow> &rows);
    //! The wire form for one reader: counts, and whether the reader is among them.
    static QList<Reaction> forReader(const MessageReactions &reactions, Id reader);

private:
    //! What every reaction op names: a channel I can see, a message id and a valid emoji;
    //! nullopt once the call has been answered with why not.
    struct Target {
        Id channelId;
        Id messageId;
        QString emoji;
        const Channel *channel;
    };
    std::optional<Target> readTarget(const Call &call) const;
    void change(const Call &call, bool add);
    ServiceContext &m_ctx;
};

} // namespace kith::server
