#pragma once
//! Shows a fresh invite code with a button to copy it.

#include <QDialog>

namespace kith::app {

class InviteDialog : public QDialog
{
    Q_OBJECT
public:
    InviteDialog(const QString &guildName, const QString &code, QWidget *parent = nullptr);
};

} // namespace kith::app
