#include "PermissionTexts.h"

#include <QCoreApplication>

namespace kith::app {

namespace {
struct Entry {
    Permission permission;
    const char *name;
    //! On a channel's page; null when no overwrite may set the permission.
    const char *channelName;
    const char *channelHelp;
};
// QT_TRANSLATE_NOOP spelled out each time: lupdate does not expand a shorter macro of ours.
const Entry kEntries[] = {
    {Permission::ViewChannel, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "View channels"),
     QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "View channel"),
     QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "See the channel and read its messages.")},
    {Permission::SendMessages, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Send messages"),
     QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Send messages"), nullptr},
    {Permission::AddReactions, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Add reactions"),
     QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Add reactions"), nullptr},
    {Permission::AttachFiles, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Attach files"),
     QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Attach files"), nullptr},
    {Permission::MentionEveryone, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Mention @everyone"),
     QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Mention @everyone"), nullptr},
    {Permission::ManageMessages, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Manage messages"),
     QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Manage messages"),
     QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Delete others' messages; not held back by slow mode.")},
    {Permission::ManageChannels, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Manage channels"), nullptr,
     nullptr},
    {Permission::ManageRoles, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Manage roles"), nullptr,
     nullptr},
    {Permission::KickMembers, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Kick members"), nullptr,
     nullptr},
    {Permission::BanMembers, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Ban members"), nullptr,
     nullptr},
    {Permission::ModerateMembers, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Time out members"),
     nullptr, nullptr},
    {Permission::ManageGuild, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "Manage server"), nullptr,
     nullptr},
    {Permission::ViewAuditLog, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "View audit log"), nullptr,
     nullptr},
    {Permission::ViewStats, QT_TRANSLATE_NOOP("kith::app::PermissionTexts", "View server statistics"),
     nullptr, nullptr},
};

QString translated(const char *text)
{
    return text ? QCoreApplication::translate("kith::app::PermissionTexts", text) : QString();
}
} // namespace

QList<PermissionText> rolePermissionTexts()
{
    QList<PermissionText> out;
    for (const Entry &e : kEntries)
        out.append({e.permission, translated(e.name), {}});
    return out;
}

QList<PermissionText> channelPermissionTexts()
{
    QList<PermissionText> out;
    for (const Entry &e : kEntries)
        if (e.channelName)
            out.append({e.permission, translated(e.channelName), translated(e.channelHelp)});
    return out;
}

} // namespace kith::app
