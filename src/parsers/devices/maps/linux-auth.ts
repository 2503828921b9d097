// Account-change messages of shadow-utils (useradd, usermod, userdel, groupadd, groupdel, groupmod, gpasswd,
// chage) as data: the wording, the ECS fields its parts fill, event.action and event.type (category iam).

export interface AccountRule {
  pattern: RegExp;
  /** ECS field per capture group, in order; '' skips a group. */
  groups: readonly string[];
  action: string;
  type: readonly string[];
}

/** event.type per program for a line none of the rules explains; the program also makes the line an auth event. */
export const ACCOUNT_PROGRAMS: Readonly<Record<string, readonly string[]>> = {
  useradd: ['user', 'creation'],
  userdel: ['user', 'deletion'],
  usermod: ['user', 'change'],
  groupadd: ['group', 'creation'],
  groupdel: ['group', 'deletion'],
  groupmod: ['group', 'change'],
};

// As Elastic's system.auth: the account a shadow-utils line is about is user.name (the line does not say who ran it).
export const ACCOUNT_RULES: readonly AccountRule[] = [
  {
    // useradd: "new user: name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash, from=/dev/pts/0"
    pattern: /^new user: name=([^,]*), UID=(\d+), GID=(\d+), home=([^,]*), shell=([^,]*)(?:, from=(\S*))?$/,
    groups: [
      'user.name',
      'user.id',
      'group.id',
      'system.auth.useradd.home',
      'system.auth.useradd.shell',
      'system.auth.useradd.from',
    ],
    action: 'user-created',
    type: ['user', 'creation'],
  },
  {
    // useradd/groupadd: "new group: name=bob, GID=1001"; groupadd: "group added to /etc/group: name=devs, GID=1002"
    pattern: /^(?:new group|group added to \S+): name=([^,]*)(?:, GID=(\d+))?/,
    groups: ['group.name', 'group.id'],
    action: 'group-created',
    type: ['group', 'creation'],
  },
  {
    // useradd -G / usermod -aG: "add 'bob' to group 'sudo'", "add 'bob' to shadow group 'sudo'"
    pattern: /^add '([^']*)' to (?:shadow )?group '([^']*)'/,
    groups: ['user.name', 'group.name'],
    action: 'group-member-added',
    type: ['group', 'change'],
  },
  {
    // gpasswd -a/-d: "user bob added by root to group sudo", "user bob removed by root from group sudo"
    pattern: /^user (\S+) (added|removed) by (\S+) (?:to|from) group (.+)$/,
    groups: ['user.target.name', '', 'user.name', 'group.name'],
    action: 'group-membership-changed',
    type: ['group', 'change'],
  },
  {
    // userdel: "delete 'bob' from group 'sudo'", "delete 'bob' from shadow group 'sudo'"
    pattern: /^delete '([^']*)' from (?:shadow )?group '([^']*)'/,
    groups: ['user.name', 'group.name'],
    action: 'group-member-removed',
    type: ['group', 'change'],
  },
  {
    // userdel: "delete user 'bob'"
    pattern: /^delete user '([^']*)'/,
    groups: ['user.name'],
    action: 'user-deleted',
    type: ['user', 'deletion'],
  },
  {
    // userdel: "removed group 'bob' owned by 'bob'", "removed shadow group 'bob' owned by 'bob'"
    pattern: /^removed (?:shadow )?group '([^']*)' owned by '([^']*)'/,
    groups: ['group.name', 'user.name'],
    action: 'group-deleted',
    type: ['group', 'deletion'],
  },
  {
    // groupdel: "group 'devs' removed", "group 'devs' removed from /etc/group"
    pattern: /^group '([^']*)' removed/,
    groups: ['group.name'],
    action: 'group-deleted',
    type: ['group', 'deletion'],
  },
  {
    // usermod -l: "change user name 'bob' to 'robert'"
    pattern: /^change user name '([^']*)' to '([^']*)'/,
    groups: ['user.name', 'user.changes.name'],
    action: 'user-changed',
    type: ['user', 'change'],
  },
  {
    // usermod: "change user 'bob' shell from '/bin/bash' to '/bin/zsh'", "lock user 'bob' password"
    pattern: /^(?:change|lock|unlock) user '([^']*)'/,
    groups: ['user.name'],
    action: 'user-changed',
    type: ['user', 'change'],
  },
  {
    // groupmod: "group changed in /etc/group (group devs/1002, new name: developers)"
    pattern: /^group changed in \S+ \(group ([^/]*)\/(\d+)/,
    groups: ['group.name', 'group.id'],
    action: 'group-changed',
    type: ['group', 'change'],
  },
  {
    // chage: "changed password expiry for bob"
    pattern: /^changed password expiry for (\S+)/,
    groups: ['user.name'],
    action: 'user-changed',
    type: ['user', 'change'],
  },
  {
    // useradd: "failed adding user 'bob', data deleted"
    pattern: /^failed adding user '([^']*)'/,
    groups: ['user.name'],
    action: 'user-created',
    type: ['user', 'creation'],
  },
];
