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

InviteDialog::InviteDialog(const QString &guildName, const QString &code, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Invite people"));
    setMinimumWidth(420);
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(tr("Send this code to a friend. They join %1 with \"+\" → Join.").arg(guildName), this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *row = new QHBoxLayout;
    auto *field = new QLineEdit(code, this);
    field->setObjectName(QStringLiteral("InviteCode"));
    field->setReadOnly(true);
    field->selectAll();
    row->addWidget(field, 1);
    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setProperty("primary", true);
    row->addWidget(copy);
    layout->addLayout(row);
    connect(copy, &QPushButton::clicked, this, [copy, code] {
        QApplication::clipboard()->setText(code);
        copy->setText(tr("Copied"));
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace kith::app
