#include "GroupDmDialog.h"


#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace kith::app {

namespace {
// The host takes at most 10 people in a group, me included.
constexpr int kMaxOthers = 9;
constexpr int kNameMax = 100;
} // namespace

GroupDmDialog::GroupDmDialog(const QList<User> &friends, QWidget *parent)
    : QDialog(parent), m_list(new QListWidget(this)), m_name(new QLineEdit(this))
{
    setObjectName(QStringLiteral("GroupDmDialog"));
    setWindowTitle(tr("New group message"));
    setMinimumWidth(380);
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(windowTitle(), this);
    heading->setProperty("heading", true);
    layout->addWidget(heading);
    auto *hint = new QLabel(tr("Choose up to %n friend(s) to talk with together.", nullptr, kMaxOthers), this);
    hint->setWordWrap(true);
    hint->setProperty("muted", true);
    layout->addWidget(hint);
    m_list->setObjectName(QStringLiteral("GroupDmFriends"));
    m_list->setAccessibleName(tr("Friends to add"));
    for (const User &u : friends) {
        auto *item = new QListWidgetItem(u.displayName.isEmpty() ? u.username : u.displayName, m_list);
        item->setData(Qt::UserRole, QVariant::fromValue<quint64>(u.id));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    layout->addWidget(m_list, 1);
    auto *empty = new QLabel(tr("Add friends first: a group message is for friends."), this);
    empty->setWordWrap(true);
    empty->setVisible(friends.isEmpty());
    layout->addWidget(empty);
    m_name->setObjectName(QStringLiteral("GroupDmName"));
    m_name->setAccessibleName(tr("Group name"));
    m_name->setMaxLength(kNameMax);
    m_name->setPlaceholderText(tr("Group name (optional)"));
    layout->addWidget(m_name);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_create = buttons->button(QDialogButtonBox::Ok);
    m_create->setText(tr("Create group"));
    m_create->setProperty("primary", true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_list, &QListWidget::itemChanged, this, &GroupDmDialog::sync);
    sync();
}

QList<Id> GroupDmDialog::chosen() const
{
    QList<Id> ids;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            ids.append(m_list->item(i)->data(Qt::UserRole).toULongLong());
    return ids;
}

QString GroupDmDialog::name() const
{
    return m_name->text().simplified();
}

void GroupDmDialog::setChosen(Id userId, bool on)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toULongLong() == userId)
            m_list->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
}

void GroupDmDialog::sync()
{
    const qsizetype n = chosen().size();
    m_create->setEnabled(n >= 1 && n <= kMaxOthers);
}

} // namespace kith::app
