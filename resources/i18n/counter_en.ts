<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>App</name>
    <message>
        <source>Counter Government Service Desk</source>
        <translation>Counter Government Service Desk</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Cannot open the office&apos;s data</source>
        <translation>Cannot open the office&apos;s data</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Enter a user name.</source>
        <translation>Enter a user name.</translation>
    </message>
    <message>
        <source>Use up to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Use up to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</translation>
    </message>
    <message>
        <source>This user name is already taken.</source>
        <translation>This user name is already taken.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <source>This value is not accepted (%1).</source>
        <translation>This value is not accepted (%1).</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>The password needs at least %1 characters.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>This account is locked. Ask an administrator to unlock it.</source>
        <translation>This account is locked. Ask an administrator to unlock it.</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Counter (schema version %2; this version reads up to %3). Install the newer version. The file was not changed.</source>
        <translation>The database %1 was written by a newer version of Counter (schema version %2; this version reads up to %3). Install the newer version. The file was not changed.</translation>
    </message>
    <message>
        <source>The database %1 is damaged and cannot be opened.</source>
        <translation>The database %1 is damaged and cannot be opened.</translation>
    </message>
    <message>
        <source>The last backup is %1. An administrator can restore it with “counter-app restore”.</source>
        <translation>The last backup is %1. An administrator can restore it with “counter-app restore”.</translation>
    </message>
    <message>
        <source>No backup of it was found.</source>
        <translation>No backup of it was found.</translation>
    </message>
    <message>
        <source>The key that protects this office&apos;s personal data cannot be read, so the data cannot be opened. Restore the OS keyring or the key file this profile was created with.</source>
        <translation>The key that protects this office&apos;s personal data cannot be read, so the data cannot be opened. Restore the OS keyring or the key file this profile was created with.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Your role does not allow this.</translation>
    </message>
    <message>
        <source>The record was not found.</source>
        <translation>The record was not found.</translation>
    </message>
    <message>
        <source>The operation was refused (%1).</source>
        <translation>The operation was refused (%1).</translation>
    </message>
    <message>
        <source>An unexpected error occurred: %1</source>
        <translation>An unexpected error occurred: %1</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator account</source>
        <translation>Create the administrator account</translation>
    </message>
    <message>
        <source>Welcome to Counter. This office has no staff account yet: create the administrator, who then adds the accounts of the counter staff.</source>
        <translation>Welcome to Counter. This office has no staff account yet: create the administrator, who then adds the accounts of the counter staff.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>the name shown to colleagues, e.g. 王芳</source>
        <translation>the name shown to colleagues, e.g. 王芳</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>User name message</source>
        <translation>User name message</translation>
    </message>
    <message>
        <source>Password message</source>
        <translation>Password message</translation>
    </message>
    <message>
        <source>Confirm password message</source>
        <translation>Confirm password message</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Display name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Confirm password:</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Create administrator</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Log in with your staff account.</source>
        <translation>Log in with your staff account.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Login message</source>
        <translation>Login message</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Workbench</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Key storage warning</source>
        <translation>Key storage warning</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Taking in a citizen&apos;s application arrives in a later release.</source>
        <translation>Taking in a citizen&apos;s application arrives in a later release.</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>The list of applications and their progress arrives in a later release.</source>
        <translation>The list of applications and their progress arrives in a later release.</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <source>Looking up and registering applicants arrives in a later release.</source>
        <translation>Looking up and registering applicants arrives in a later release.</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Browsing the catalogue of services arrives in a later release.</source>
        <translation>Browsing the catalogue of services arrives in a later release.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Statistics and service ratings arrive in a later release.</source>
        <translation>Statistics and service ratings arrive in a later release.</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Staff accounts, sync and backups arrive in a later release.</source>
        <translation>Staff accounts, sync and backups arrive in a later release.</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation>Logged in: %1 (%2)</translation>
    </message>
    <message>
        <source>Logged-in user</source>
        <translation>Logged-in user</translation>
    </message>
    <message>
        <source>Pending sync operations</source>
        <translation>Pending sync operations</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>Lock (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) waiting to sync</source>
        <translation>
            <numerusform>%n operation waiting to sync</numerusform>
            <numerusform>%n operations waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: no working OS keyring was found, so the key that protects personal data is kept in a fallback key file. Anyone who can copy that file and the data can read them. Protect the file, or set up the OS keyring.</source>
        <translation>Warning: no working OS keyring was found, so the key that protects personal data is kept in a fallback key file. Anyone who can copy that file and the data can read them. Protect the file, or set up the OS keyring.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Counter clerk</source>
        <translation>Counter clerk</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Command line</translation>
    </message>
</context>
</TS>
