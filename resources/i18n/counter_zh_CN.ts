<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Counter Government Service Desk</source>
        <translation>Counter 政务服务柜台</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Cannot open the office&apos;s data</source>
        <translation>无法打开本单位的数据</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Use up to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>用户名最多 32 个字符，只能使用字母、数字、“.”、“_”或“-”。</translation>
    </message>
    <message>
        <source>This user name is already taken.</source>
        <translation>该用户名已被使用。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>This value is not accepted (%1).</source>
        <translation>该值不被接受（%1）。</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is locked. Ask an administrator to unlock it.</source>
        <translation>该账号已被锁定，请联系管理员解锁。</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Counter (schema version %2; this version reads up to %3). Install the newer version. The file was not changed.</source>
        <translation>数据库 %1 由更新版本的 Counter 写入（数据结构版本 %2；本版本最高支持 %3）。请安装更新的版本。该文件未被改动。</translation>
    </message>
    <message>
        <source>The database %1 is damaged and cannot be opened.</source>
        <translation>数据库 %1 已损坏，无法打开。</translation>
    </message>
    <message>
        <source>The last backup is %1. An administrator can restore it with “counter-app restore”.</source>
        <translation>最近的备份是 %1。管理员可以用“counter-app restore”命令恢复。</translation>
    </message>
    <message>
        <source>No backup of it was found.</source>
        <translation>未找到它的备份。</translation>
    </message>
    <message>
        <source>The key that protects this office&apos;s personal data cannot be read, so the data cannot be opened. Restore the OS keyring or the key file this profile was created with.</source>
        <translation>无法读取保护本单位个人信息的密钥，因此无法打开数据。请恢复创建本单位数据时所用的系统密钥环或密钥文件。</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>您的角色无权进行此操作。</translation>
    </message>
    <message>
        <source>The record was not found.</source>
        <translation>未找到该记录。</translation>
    </message>
    <message>
        <source>The operation was refused (%1).</source>
        <translation>操作被拒绝（%1）。</translation>
    </message>
    <message>
        <source>An unexpected error occurred: %1</source>
        <translation>发生意外错误：%1</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator account</source>
        <translation>创建管理员账号</translation>
    </message>
    <message>
        <source>Welcome to Counter. This office has no staff account yet: create the administrator, who then adds the accounts of the counter staff.</source>
        <translation>欢迎使用 Counter。本单位还没有工作人员账号：请先创建管理员账号，再由管理员为窗口人员添加账号。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>the name shown to colleagues, e.g. 王芳</source>
        <translation>同事看到的姓名，例如：王芳</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>User name message</source>
        <translation>用户名提示</translation>
    </message>
    <message>
        <source>Password message</source>
        <translation>密码提示</translation>
    </message>
    <message>
        <source>Confirm password message</source>
        <translation>确认密码提示</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Log in with your staff account.</source>
        <translation>请使用工作人员账号登录。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Login message</source>
        <translation>登录提示</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>功能导航</translation>
    </message>
    <message>
        <source>Key storage warning</source>
        <translation>密钥存放警告</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Taking in a citizen&apos;s application arrives in a later release.</source>
        <translation>受理群众申请的功能将在后续版本中提供。</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>The list of applications and their progress arrives in a later release.</source>
        <translation>办件列表及办理进度将在后续版本中提供。</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>群众</translation>
    </message>
    <message>
        <source>Looking up and registering applicants arrives in a later release.</source>
        <translation>群众信息的查询与登记将在后续版本中提供。</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Browsing the catalogue of services arrives in a later release.</source>
        <translation>政务服务事项目录的浏览将在后续版本中提供。</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Statistics and service ratings arrive in a later release.</source>
        <translation>统计分析与好差评情况将在后续版本中提供。</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Staff accounts, sync and backups arrive in a later release.</source>
        <translation>人员账号、数据同步与备份的管理将在后续版本中提供。</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <source>Logged-in user</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <source>Pending sync operations</source>
        <translation>待同步操作</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>锁定 (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) waiting to sync</source>
        <translation>
            <numerusform>待同步：%n 项操作</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: no working OS keyring was found, so the key that protects personal data is kept in a fallback key file. Anyone who can copy that file and the data can read them. Protect the file, or set up the OS keyring.</source>
        <translation>警告：没有找到可用的系统密钥环，保护个人信息的密钥存放在备用密钥文件中。任何能复制该文件和数据的人都能读取这些信息。请妥善保护该文件，或配置系统密钥环。</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>No. %1</source>
        <translation>编号：%1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>出具单位</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>原件</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>复印件</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Acceptance Notice</source>
        <translation>受理通知书</translation>
    </message>
    <message>
        <source>One-time Notice of Materials to Supply</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <source>Notice of Acceptance with Materials Pending</source>
        <translation>容缺受理通知书</translation>
    </message>
    <message>
        <source>Notice of Refusal to Accept</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <source>the provisions on accepting applications with minor materials pending</source>
        <translation>容缺受理的有关规定</translation>
    </message>
    <message>
        <source>the rules on one-time notification in government services</source>
        <translation>政务服务一次性告知制度的有关规定</translation>
    </message>
    <message>
        <source>Article 32 of the Administrative Licensing Law of the People&apos;s Republic of China</source>
        <translation>《中华人民共和国行政许可法》第三十二条的规定</translation>
    </message>
    <message>
        <source>Article 32, paragraph 1, item (4) of the Administrative Licensing Law of the People&apos;s Republic of China</source>
        <translation>《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定</translation>
    </message>
    <message>
        <source>Article 32, paragraph 1 of the Administrative Licensing Law of the People&apos;s Republic of China</source>
        <translation>《中华人民共和国行政许可法》第三十二条第一款的规定</translation>
    </message>
    <message>
        <source>%1 and related provisions</source>
        <translation>%1等有关规定</translation>
    </message>
    <message>
        <source>on the spot</source>
        <translation>即办</translation>
    </message>
    <message>
        <source>%1 calendar days</source>
        <translation>%1个自然日</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1个工作日</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined: the application materials are complete and in the statutory form. In accordance with %3, the application is accepted.</source>
        <translation>你（单位）于%2提交的“%1”申请，经审查，申请材料齐全、符合法定形式，根据%3，决定予以受理。</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined: its main materials are complete and in the statutory form, and some minor materials are still to be supplied. As you have committed in writing to supply them within the time limit, the application is accepted with materials pending in accordance with %3.</source>
        <translation>你（单位）于%2提交的“%1”申请，经审查，主要申请材料齐全、符合法定形式，尚有次要材料需要补正。鉴于你（单位）已书面承诺在规定期限内补齐，根据%3，决定予以容缺受理。</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined: the application materials are incomplete or not in the statutory form. In accordance with %3, everything you need to supply is listed below, all at once:</source>
        <translation>你（单位）于%2提交的“%1”申请，经审查，申请材料不齐全或者不符合法定形式。根据%3，现将需要补正的全部材料一次性告知如下：</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined and does not meet the conditions for acceptance, for this reason: %3. In accordance with %4, the application is not accepted.</source>
        <translation>你（单位）于%2提交的“%1”申请，经审查，不符合受理条件，理由如下：%3。根据%4，决定不予受理。</translation>
    </message>
    <message>
        <source>This service is handled on the spot and completed the same day.</source>
        <translation>本事项为即办件，当场办结。</translation>
    </message>
    <message>
        <source>This service is to be completed within %1, by %2. Days needed by law for hearings, tendering, auctions, inspection, testing, quarantine, appraisal or expert review are not counted in this time limit.</source>
        <translation>本事项承诺办结时限为%1，承诺办结日期为%2。依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在办结时限内。</translation>
    </message>
    <message>
        <source>Materials to supply (%1 items):</source>
        <translation>需补正材料清单（共%1项）：</translation>
    </message>
    <message>
        <source>Materials pending (%1 items):</source>
        <translation>容缺材料清单（共%1项）：</translation>
    </message>
    <message>
        <source>Materials received (%1 items):</source>
        <translation>已收取材料清单（共%1项）：</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Materials received: %1 (%2 items).</source>
        <translation>已收取材料：%1，共%2项。</translation>
    </message>
    <message>
        <source>Keep this notice: quote the receipt number to follow the progress of the application and to collect the result.</source>
        <translation>请妥善保管本通知书，凭受理编号查询办理进度、领取办理结果。</translation>
    </message>
    <message>
        <source>This list is complete: we will not ask for any material that is not on it. Bring all of the materials above, with this notice, to %1 and submit the application again; once the materials are complete and in the statutory form, it will be accepted according to law.</source>
        <translation>以上为需要补正的全部材料，本单位不再要求补正本告知书所列以外的材料。请补齐上述全部材料后，持本告知书到%1重新提交申请；材料齐全、符合法定形式的，本单位将依法予以受理。</translation>
    </message>
    <message>
        <source>Supply the pending materials above by %1. If they are not supplied in time, or do not meet the requirements, the handling of the application will be terminated according to law and the applicant bears the consequences.</source>
        <translation>请于%1前补齐上述容缺材料。逾期未补齐或者补齐的材料不符合要求的，本事项将依法终止办理，由此产生的后果由申请人承担。</translation>
    </message>
    <message>
        <source>Applicant&apos;s commitment: %1</source>
        <translation>申请人承诺：%1</translation>
    </message>
    <message>
        <source>Hereby notified.</source>
        <translation>特此通知。</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <source>Service code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <source>Implementing body</source>
        <translation>实施主体</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Promised completion date</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <source>Pending materials due by</source>
        <translation>容缺材料补齐期限</translation>
    </message>
    <message>
        <source>%1 (seal)</source>
        <translation>%1（印章）</translation>
    </message>
    <message>
        <source>Staff member: %1</source>
        <translation>经办人：%1</translation>
    </message>
    <message>
        <source>Applicant&apos;s signature to the commitment:</source>
        <translation>申请人（承诺人）签字：</translation>
    </message>
    <message>
        <source>Applicant&apos;s signature:</source>
        <translation>申请人签收：</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <source>Telephone: %1</source>
        <translation>联系电话：%1</translation>
    </message>
    <message>
        <source>This notice is made out in two copies: one for the applicant, one for the office.</source>
        <translation>本通知书一式两份，申请人、受理单位各执一份。</translation>
    </message>
    <message>
        <source>Scan to verify</source>
        <translation>扫码核验</translation>
    </message>
    <message>
        <source>Verification code: %1</source>
        <translation>核验码：%1</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>date format of notices (QDate::toString)</comment>
        <translation>yyyy年M月d日</translation>
    </message>
</context>
<context>
    <name>NoticePrinting</name>
    <message>
        <source>Print preview: %1</source>
        <translation>打印预览：%1</translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation>打印通知书</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Counter clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
</context>
</TS>
