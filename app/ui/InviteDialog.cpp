#include "InviteDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kith::app {

InviteDialog::InviteDialog(const QString &guildName, const QString &code, const QString &link, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("InviteDialog"));
    setWindowTitle(tr("Invite people"));
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("Invite people to %1").arg(guildName), this);
    heading->setProperty("heading", true);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    auto row = [&](const QString &label, const QString &value, const QString &name) {
        auto *title = new QLabel(label, this);
        title->setProperty("section", true);
        layout->addWidget(title);
        auto *line = new QHBoxLayout;
        auto *field = new QLineEdit(value, this);
        field->setObjectName(name);
        field->setReadOnly(true);
        field->setAccessibleName(label);
        field->setCursorPosition(0);
        line->addWidget(field, 1);
        auto *copy = new QPushButton(tr("Copy"), this);
        copy->setObjectName(name + QStringLiteral("Copy"));
        copy->setAccessibleName(tr("Copy %1").arg(label));
        copy->setProperty("primary", true);
        line->addWidget(copy);
        layout->addLayout(line);
        connect(copy, &QPushButton::clicked, this, [copy, value] {
            QApplication::clipboard()->setText(value);
            copy->setText(tr("Copied"));
        });
    };
    if (!link.isEmpty()) {
        auto *text = new QLabel(tr("Send this link to a friend: pasted into Kith's \"+\" → Join (or opened, once Kith "
                                   "is installed), it finds this server and its guild."),
                                this);
        text->setWordWrap(true);
        layout->addWidget(text);
        row(tr("INVITE LINK"), link, QStringLiteral("InviteLink"));
    }
    row(tr("CODE, FOR PEOPLE ALREADY HERE"), code, QStringLiteral("InviteCode"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace kith::app
