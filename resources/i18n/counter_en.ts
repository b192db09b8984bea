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
    <name>Notice</name>
    <message>
        <source>No. %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Originals</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Acceptance Notice</source>
        <translation>Acceptance Notice</translation>
    </message>
    <message>
        <source>One-time Notice of Materials to Supply</source>
        <translation>One-time Notice of Materials to Supply</translation>
    </message>
    <message>
        <source>Notice of Acceptance with Materials Pending</source>
        <translation>Notice of Acceptance with Materials Pending</translation>
    </message>
    <message>
        <source>Notice of Refusal to Accept</source>
        <translation>Notice of Refusal to Accept</translation>
    </message>
    <message>
        <source>the provisions on accepting applications with minor materials pending</source>
        <translation>the provisions on accepting applications with minor materials pending</translation>
    </message>
    <message>
        <source>the rules on one-time notification in government services</source>
        <translation>the rules on one-time notification in government services</translation>
    </message>
    <message>
        <source>Article 32 of the Administrative Licensing Law of the People&apos;s Republic of China</source>
        <translation>Article 32 of the Administrative Licensing Law of the People&apos;s Republic of China</translation>
    </message>
    <message>
        <source>Article 32, paragraph 1, item (4) of the Administrative Licensing Law of the People&apos;s Republic of China</source>
        <translation>Article 32, paragraph 1, item (4) of the Administrative Licensing Law of the People&apos;s Republic of China</translation>
    </message>
    <message>
        <source>Article 32, paragraph 1 of the Administrative Licensing Law of the People&apos;s Republic of China</source>
        <translation>Article 32, paragraph 1 of the Administrative Licensing Law of the People&apos;s Republic of China</translation>
    </message>
    <message>
        <source>%1 and related provisions</source>
        <translation>%1 and related provisions</translation>
    </message>
    <message>
        <source>on the spot</source>
        <translation>on the spot</translation>
    </message>
    <message>
        <source>%1 calendar days</source>
        <translation>%1 calendar days</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1 working days</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined: the application materials are complete and in the statutory form. In accordance with %3, the application is accepted.</source>
        <translation>Your application for “%1”, submitted on %2, has been examined: the application materials are complete and in the statutory form. In accordance with %3, the application is accepted.</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined: its main materials are complete and in the statutory form, and some minor materials are still to be supplied. As you have committed in writing to supply them within the time limit, the application is accepted with materials pending in accordance with %3.</source>
        <translation>Your application for “%1”, submitted on %2, has been examined: its main materials are complete and in the statutory form, and some minor materials are still to be supplied. As you have committed in writing to supply them within the time limit, the application is accepted with materials pending in accordance with %3.</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined: the application materials are incomplete or not in the statutory form. In accordance with %3, everything you need to supply is listed below, all at once:</source>
        <translation>Your application for “%1”, submitted on %2, has been examined: the application materials are incomplete or not in the statutory form. In accordance with %3, everything you need to supply is listed below, all at once:</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined and does not meet the conditions for acceptance, for this reason: %3. In accordance with %4, the application is not accepted.</source>
        <translation>Your application for “%1”, submitted on %2, has been examined and does not meet the conditions for acceptance, for this reason: %3. In accordance with %4, the application is not accepted.</translation>
    </message>
    <message>
        <source>This service is handled on the spot and completed the same day.</source>
        <translation>This service is handled on the spot and completed the same day.</translation>
    </message>
    <message>
        <source>This service is to be completed within %1, by %2. Days needed by law for hearings, tendering, auctions, inspection, testing, quarantine, appraisal or expert review are not counted in this time limit.</source>
        <translation>This service is to be completed within %1, by %2. Days needed by law for hearings, tendering, auctions, inspection, testing, quarantine, appraisal or expert review are not counted in this time limit.</translation>
    </message>
    <message>
        <source>Materials to supply (%1 items):</source>
        <translation>Materials to supply (%1 items):</translation>
    </message>
    <message>
        <source>Materials pending (%1 items):</source>
        <translation>Materials pending (%1 items):</translation>
    </message>
    <message>
        <source>Materials received (%1 items):</source>
        <translation>Materials received (%1 items):</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between the items of a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Materials received: %1 (%2 items).</source>
        <translation>Materials received: %1 (%2 items).</translation>
    </message>
    <message>
        <source>Keep this notice: quote the receipt number to follow the progress of the application and to collect the result.</source>
        <translation>Keep this notice: quote the receipt number to follow the progress of the application and to collect the result.</translation>
    </message>
    <message>
        <source>This list is complete: we will not ask for any material that is not on it. Bring all of the materials above, with this notice, to %1 and submit the application again; once the materials are complete and in the statutory form, it will be accepted according to law.</source>
        <translation>This list is complete: we will not ask for any material that is not on it. Bring all of the materials above, with this notice, to %1 and submit the application again; once the materials are complete and in the statutory form, it will be accepted according to law.</translation>
    </message>
    <message>
        <source>Supply the pending materials above by %1. If they are not supplied in time, or do not meet the requirements, the handling of the application will be terminated according to law and the applicant bears the consequences.</source>
        <translation>Supply the pending materials above by %1. If they are not supplied in time, or do not meet the requirements, the handling of the application will be terminated according to law and the applicant bears the consequences.</translation>
    </message>
    <message>
        <source>Applicant&apos;s commitment: %1</source>
        <translation>Applicant&apos;s commitment: %1</translation>
    </message>
    <message>
        <source>Hereby notified.</source>
        <translation>Hereby notified.</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Service code</source>
        <translation>Service code</translation>
    </message>
    <message>
        <source>Implementing body</source>
        <translation>Implementing body</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <source>Promised completion date</source>
        <translation>Promised completion date</translation>
    </message>
    <message>
        <source>Pending materials due by</source>
        <translation>Pending materials due by</translation>
    </message>
    <message>
        <source>%1 (seal)</source>
        <translation>%1 (seal)</translation>
    </message>
    <message>
        <source>Staff member: %1</source>
        <translation>Staff member: %1</translation>
    </message>
    <message>
        <source>Applicant&apos;s signature to the commitment:</source>
        <translation>Applicant&apos;s signature to the commitment:</translation>
    </message>
    <message>
        <source>Applicant&apos;s signature:</source>
        <translation>Applicant&apos;s signature:</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Address: %1</translation>
    </message>
    <message>
        <source>Telephone: %1</source>
        <translation>Telephone: %1</translation>
    </message>
    <message>
        <source>This notice is made out in two copies: one for the applicant, one for the office.</source>
        <translation>This notice is made out in two copies: one for the applicant, one for the office.</translation>
    </message>
    <message>
        <source>Scan to verify</source>
        <translation>Scan to verify</translation>
    </message>
    <message>
        <source>Verification code: %1</source>
        <translation>Verification code: %1</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>date format of notices (QDate::toString)</comment>
        <translation>d MMMM yyyy</translation>
    </message>
</context>
<context>
    <name>NoticePrinting</name>
    <message>
        <source>Print preview: %1</source>
        <translation>Print preview: %1</translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation>Print notice</translation>
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
