#pragma once
//! Validation of user-supplied values; each returns an empty string when valid, else the reason.

#include <QString>

namespace kith::validate {

QString username(const QString &name);   //!< 2-32 of A-Z a-z 0-9 _ .
QString password(const QString &password); //!< 8-128 characters
QString displayName(const QString &name);  //!< 1-32 characters, no control characters, not invisible
QString guildName(const QString &name);
QString channelName(const QString &name);
QString topic(const QString &topic);
//! 0-kGuildDescriptionMax characters (after trimming), no control characters but newlines.
QString guildDescription(const QString &description);
QString roleName(const QString &name); //!< 1-kRoleNameMax characters, like a guild's name
QString color(const QString &color); //!< "#rrggbb" (either case)
QString messageContent(const QString &content); //!< non-blank, at most kMessageLength
QString nonce(const QString &nonce);            //!< 1-64 characters
QString emoji(const QString &emoji);            //!< 1-kEmojiLength characters, no whitespace or controls
QString customStatus(const QString &status);    //!< at most kCustomStatusMax, no controls but tab and newline


//! Removes bidirectional overrides and isolates, trims and folds runs of white space to one
//! space; names are stored this way.
QString normalizedName(const QString &name);

} // namespace kith::validate
