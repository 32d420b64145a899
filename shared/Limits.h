#pragma once
//! Protocol limits shared by server, app, tests and bench. Enforced in one place on each side.

#include <QtGlobal>

namespace kith::limits {

inline constexpr int kProtocolVersion = 1;
inline constexpr quint16 kDefaultPort = 7420;
//! UDP port LAN party beacons go to and are listened for (docs/PROTOCOL.md, "LAN discovery").
inline constexpr quint16 kDiscoveryPort = 7420;
inline constexpr int kBeaconIntervalMs = 500;
//! A party not heard from for this long has stopped: four beacons missed.
inline constexpr int kBeaconExpiryMs = 2000;

// Frames and payloads
inline constexpr qint64 kFrameBytes = 64 * 1024;       //!< larger frames close the socket with 1009
inline constexpr int kMessageLength = 4000;            //!< characters (UTF-16 code units) of content
inline constexpr int kHistoryPage = 100;               //!< max messages per history page
inline constexpr int kHistoryDefault = 50;
inline constexpr int kSearchPage = 50;                //!< max messages per message.search page
inline constexpr int kSearchDefault = 25;
inline constexpr int kSearchTotalCap = 10000;         //!< message.search's `total` stops counting here
inline constexpr int kSearchQueryLength = 256;        //!< characters (UTF-16 code units) of a search query
inline constexpr int kNonceLength = 64;
inline constexpr qint64 kAttachmentBytes = 25 * 1024 * 1024; //!< default largest upload (configurable)
inline constexpr int kAttachmentsPerMessage = 10;
inline constexpr qint64 kUnusedUploadMs = 60 * 60 * 1000; //!< an upload no message took by then is deleted
inline constexpr int kThumbnailSize = 400;            //!< thumbnails fit in this square
inline constexpr int kAvatarSize = 256;               //!< avatars and guild icons: PNGs this wide and high
inline constexpr int kReplyQuoteLength = 100;          //!< characters of reply_to.content
inline constexpr int kEmojiLength = 32;                //!< characters (UTF-16 code units) of a reaction
inline constexpr int kReactionsPerMessage = 20;        //!< distinct emoji on one message
inline constexpr int kReactionUsers = 100;            //!< users reaction.users lists, the first to react

// Names
inline constexpr int kUsernameMin = 2;
inline constexpr int kUsernameMax = 32;
inline constexpr int kPasswordMin = 8;
inline constexpr int kPasswordMax = 128;
inline constexpr int kDisplayNameMax = 32;
inline constexpr int kGuildNameMax = 100;
inline constexpr int kChannelNameMax = 100;
inline constexpr int kTopicMax = 1024;
inline constexpr int kGuildsPerUser = 200;
inline constexpr int kChannelsPerGuild = 500;
inline constexpr int kRoleNameMax = 100;
inline constexpr int kRolesPerGuild = 250; //!< @everyone included
// Moderation (issue 13)
inline constexpr int kBanReasonLength = 512;                 //!< characters of a ban's reason
inline constexpr qint64 kBanDeleteMessageSeconds = 604800;   //!< 7 days of messages at most
inline constexpr int kSlowmodeMaxSeconds = 21600;            //!< a channel's slow mode: 6 hours at most
inline constexpr qint64 kTimeoutMaxMs = 28LL * 24 * 3600 * 1000; //!< member.timeout: 28 days ahead at most
inline constexpr int kModerationReasonLength = kBanReasonLength; //!< reason? of kick and timeout too
// Audit log and directory (issue 13)
inline constexpr qint64 kAuditRetentionMs = 90LL * 24 * 3600 * 1000; //!< audit entries older than this go
inline constexpr int kAuditPageDefault = 50;
inline constexpr int kAuditPageMax = 100;
inline constexpr int kGuildDescriptionMax = 300;            //!< characters of a guild's description
inline constexpr int kDirectoryPageDefault = 25;
inline constexpr int kDirectoryPageMax = 50;

// Social
inline constexpr int kGroupDmMembers = 10;          //!< including the creator
inline constexpr int kCustomStatusMax = 128;
inline constexpr int kTypingRepeatMs = 5000;        //!< repeats within this are accepted, not sent on
inline constexpr int kTypingExpiryMs = 8000;        //!< clients drop a typing indicator after this
inline constexpr int kOfflineGraceMs = 5000;        //!< offline follows the last connection within this
inline constexpr int kUnreadCountCap = 10000;       //!< unread/mention counts stop counting here
inline constexpr int kActiveChannels = 10;

// Rate limits: a token bucket per session, refilled continuously.
inline constexpr int kRequestsPerSecond = 50;
inline constexpr int kRequestBurst = 100;
// Failed passwords per (address, username) before a lockout that doubles each time.
inline constexpr int kLoginFailuresFree = 5;
inline constexpr int kLoginLockoutMs = 2000;
inline constexpr int kLoginLockoutMaxMs = 5 * 60 * 1000;
// Failed passwords per username from all addresses within the window before the same lockout.
inline constexpr int kLoginFailuresPerUsername = 50;
inline constexpr int kLoginWindowPerUsernameMs = 10 * 60 * 1000;
// Password hashes (Argon2id, 64 MiB each) waiting or running, in all and per client address.
inline constexpr int kHashQueue = 64;
inline constexpr int kHashesPerAddress = 4;
// Connections that have not signed in are closed after this long.
inline constexpr int kAuthTimeoutMs = 30 * 1000;

// Back-pressure and resume
inline constexpr qint64 kSendBufferBytes = 8 * 1024 * 1024; //!< unsent bytes before a slow reader is cut off
inline constexpr int kResumeWindowMs = 2 * 60 * 1000;       //!< how long a dropped session can be resumed
inline constexpr int kResumeBacklogEvents = 5000;           //!< events kept per session for resume

// WebSocket close codes (4000-4999 are ours)
inline constexpr quint16 kCloseSlowConsumer = 4008;   //!< send buffer full; the client may resume
inline constexpr quint16 kCloseAuthTimeout = 4001;
inline constexpr quint16 kCloseLoggedOut = 4002;
inline constexpr quint16 kCloseKicked = 4003;        //!< a guest kicked from the party: do not come back
inline constexpr quint16 kClosePartyEnded = 4004;    //!< the host ended the LAN party: do not come back
inline constexpr quint16 kCloseTakenOver = 4009;     //!< another connection resumed this session
inline constexpr quint16 kCloseShutdown = 1001;       //!< "going away": the server stops
inline constexpr quint16 kCloseTooBig = 1009;

} // namespace kith::limits
