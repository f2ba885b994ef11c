#Requires -Version 7.2
# The secrets suite (docs/reliability.md): a registry password, a wrong one and an identity token go through every
# credential path — pull, push, login; -Credential, config.json auths, a credential helper, Podman's auth.json,
# Invoke-OciRequest parameters; right and wrong — on both engines, with -Verbose -Debug and every stream captured
# (output, error, warning, verbose, debug, information, progress), the ToString() and format of every object and error,
# and the runspace's $Error; then a secret given with the wrong type, whatever the type; then a transcript. The secrets
# and their base64 forms (alone, as user:password, inside the X-Registry-Auth header) appear nowhere. These tests
# change the process environment (a sandbox, restored after each).

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    $WrongPassword = 'wrong-Secret-9917'
    $Token = 'oci-identity-Token-5cf1e0d2'

    function Get-SecretForms {
        # The secret, and what any base64 (or base64url) text that carries it contains whatever comes before it:
        # for each of the three alignments, the characters that depend on the secret's bytes alone.
        param([Parameter(Mandatory)] [string] $Secret)
        $Secret
        $bytes = [Text.Encoding]::UTF8.GetBytes($Secret)
        foreach ($shift in 0, 1, 2) {
            $padded = [byte[]]::new($shift) + $bytes
            $b64 = [Convert]::ToBase64String([byte[]]$padded)
            $start = [int][Math]::Ceiling($shift * 4 / 3)
            $end = [int][Math]::Floor(($shift + $bytes.Length) / 3) * 4
            $core = $b64.Substring($start, $end - $start)
            $core
            $core.Replace('+', '-').Replace('/', '_')
        }
    }

    $Forms = @(foreach ($s in $AuthPassword, $WrongPassword, $Token) { Get-SecretForms $s }) + @(
        [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${AuthUser}:$AuthPassword"))
        [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${AuthUser}:$WrongPassword"))
    ) | Where-Object { $_.Length -ge 8 } | Sort-Object -Unique

    function Assert-NothingShows {
        # No secret form in anything the run showed or handed back, nor in the runspace's $Error.
        param([Parameter(Mandatory)] $Result, [runspace] $Runspace)
        $text = Get-StreamText $Result
        if ($Runspace) {
            $errors = Invoke-InRunspace $Runspace { $Error | ForEach-Object { "$_"; $_.Exception.ToString(); ($_ | Format-List * -Force | Out-String) } }
            $text += "`n" + ($errors.Output -join "`n")
        }
        foreach ($form in $Forms) { $text.Contains($form) | Should -BeFalse -Because "'$form' (a secret or its base64) must never show" }
        $text.Length | Should -BeGreaterThan 0 -Because 'the run showed something to search'
    }

    function Assert-Outcome {
        param($Result, [string] $Expect, [string] $Cmdlet)
        if ($Expect -eq 'ok') {
            $Result.AllErrors.Count | Should -Be 0 -Because "$($Result.AllErrors)"
            return
        }
        $Result.AllErrors.Count | Should -BeGreaterThan 0
        $ids = @($Result.AllErrors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] })
        $ids | Should -Contain $Expect -Because "$($Result.AllErrors)"
    }

    $Scenarios = @(
        @{ Name = 'pull with -Credential'; Config = $null; Run = { Invoke-OciPull $u -Credential (New-TestCredential) -Connection $c }; Expect = 'ok' }
        @{ Name = 'pull with a wrong -Credential'; Config = $null; Run = { Invoke-OciPull $u -Credential (New-TestCredential -Password $wrong) -Connection $c }; Expect = 'Oci.Unauthorized' }
        @{ Name = 'pull with config.json auths'; Config = @{ 'config/config.json' = '{"auths":{"@R":@E}}' }; Run = { Invoke-OciPull $u -Connection $c }; Expect = 'ok' }
        @{ Name = 'pull with wrong config.json auths'; Config = @{ 'config/config.json' = '{"auths":{"@R":@W}}' }; Run = { Invoke-OciPull $u -Connection $c }; Expect = 'Oci.Unauthorized' }
        @{ Name = 'pull with an identity token in config.json'; Config = @{ 'config/config.json' = '{"auths":{"@R":{"identitytoken":"@T"}}}' }; Run = { Invoke-OciPull $u -Connection $c }; Expect = 'Oci.Unauthorized' }
        @{ Name = 'pull through a credsStore helper'; Config = @{ 'config/config.json' = '{"credsStore":"ocisecret"}' }; Helper = 'password'; Run = { Invoke-OciPull $u -Connection $c }; Expect = 'ok' }
        @{ Name = 'pull through a credHelpers helper with a wrong password'; Config = @{ 'config/config.json' = '{"credHelpers":{"@R":"ocisecret"}}' }; Helper = 'wrong'; Run = { Invoke-OciPull $u -Connection $c }; Expect = 'Oci.Unauthorized' }
        @{ Name = 'pull through a helper answering an identity token'; Config = @{ 'config/config.json' = '{"credsStore":"ocisecret"}' }; Helper = 'token'; Run = { Invoke-OciPull $u -Connection $c }; Expect = 'Oci.Unauthorized' }
        @{ Name = "pull with Podman's auth.json"; Config = @{ 'auth.json' = '{"auths":{"@R":@E}}' }; Run = { Invoke-OciPull $u -Connection $c }; Expect = 'ok' }
        @{ Name = "pull with a wrong auth.json"; Config = @{ 'auth.json' = '{"auths":{"@R":@W}}' }; Run = { Invoke-OciPull $u -Connection $c }; Expect = 'Oci.Unauthorized' }
        @{ Name = 'pull with a credential parameter of Invoke-OciRequest'; Config = $null; Run = { Invoke-OciRequest PULL $u -Parameters @{ credential = New-TestCredential } -Connection $c }; Expect = 'ok' }
        @{ Name = 'push with -Credential'; Config = $null; Push = $true; Run = { Invoke-OciPush $p -Credential (New-TestCredential) -Connection $c }; Expect = 'ok' }
        @{ Name = 'push with a wrong -Credential'; Config = $null; Push = $true; Run = { Invoke-OciPush $p -Credential (New-TestCredential -Password $wrong) -Connection $c }; Expect = 'Oci.Unauthorized' }
        @{ Name = 'push with config.json auths'; Config = @{ 'config/config.json' = '{"auths":{"@R":@E}}' }; Push = $true; Run = { Invoke-OciPush $p -Connection $c }; Expect = 'ok' }
        @{ Name = 'push with an identity token in auth.json'; Config = @{ 'auth.json' = '{"auths":{"@R":{"identitytoken":"@T"}}}' }; Push = $true; Run = { Invoke-OciPush $p -Connection $c }; Expect = 'Oci.Unauthorized' }
        @{ Name = 'login and logout'; Config = $null; Run = { Connect-OciRegistry $r -Credential (New-TestCredential) -Connection $c; Disconnect-OciRegistry $r -Connection $c -PassThru }; Expect = 'ok' }
        @{ Name = 'login with a wrong password'; Config = $null; Run = { Connect-OciRegistry $r -Credential (New-TestCredential -Password $wrong) -Connection $c }; Expect = 'Oci.Unauthorized' }
        @{ Name = 'login with a credential parameter of Invoke-OciRequest'; Config = $null; Run = { Invoke-OciRequest LOGIN $r -Kind Registry -Parameters @{ credential = New-TestCredential -Password $wrong } -Connection $c }; Expect = 'Oci.Unauthorized' }
    )
}

Describe 'Secrets through every credential path on <Engine>: <Name>' -ForEach @(
    foreach ($engine in 'docker', 'podman') {
        foreach ($name in 'pull with -Credential', 'pull with a wrong -Credential', 'pull with config.json auths', 'pull with wrong config.json auths',
            'pull with an identity token in config.json', 'pull through a credsStore helper', 'pull through a credHelpers helper with a wrong password',
            'pull through a helper answering an identity token', "pull with Podman's auth.json", 'pull with a wrong auth.json',
            'pull with a credential parameter of Invoke-OciRequest', 'push with -Credential', 'push with a wrong -Credential', 'push with config.json auths',
            'push with an identity token in auth.json', 'login and logout', 'login with a wrong password', 'login with a credential parameter of Invoke-OciRequest') {
            @{ Engine = $engine; Name = $name }
        }
    }
) {
    BeforeAll {
        $scenario = $Scenarios | Where-Object Name -EQ $Name
        $box = New-TestSandbox
        foreach ($file in @(if ($scenario.Config) { $scenario.Config.Keys })) {
            $text = $scenario.Config[$file].Replace('@R', $AuthRegistry).Replace('@E', (New-AuthEntry $AuthUser $AuthPassword)).Replace('@W', (New-AuthEntry $AuthUser $WrongPassword)).Replace('@T', $Token)
            $null = Write-SandboxFile $box $file $text
        }
        if ($scenario.Helper) {
            $user, $secret = switch ($scenario.Helper) { 'password' { $AuthUser, $AuthPassword } 'wrong' { $AuthUser, $WrongPassword } 'token' { '<token>', $Token } }
            $null = New-CredentialHelper $box 'ocisecret' $AuthRegistry $user $secret
        }
        $rs = New-TestRunspace
        $ep = if ($Engine -eq 'docker') { $Endpoint } else { $PodmanEndpoint }
        $connected = Invoke-InRunspace $rs { param($e) $global:c = Connect-OciEngine -Endpoint $e -ErrorAction Stop } @{ e = $ep }
        if ($connected.AllErrors.Count) { throw "Cannot connect to the $Engine test engine at ${ep}: $($connected.AllErrors)" }
        $unique = New-PrivateImageTag
        $pushed = "$AuthRegistry/pstests-secret:t-" + [guid]::NewGuid().ToString('N')
        if ($scenario.Push) {
            $tagged = Invoke-InRunspace $rs { param($s, $p) $null = Invoke-OciPull $s -Connection $c -ErrorAction Stop; Add-OciImageTag $s -Tag $p -Connection $c -ErrorAction Stop } @{ s = $Small; p = $pushed }
            if ($tagged.AllErrors.Count) { throw "Cannot tag $Small as $pushed on ${Engine}: $($tagged.AllErrors)" }
        }
    }

    AfterAll {
        $null = Invoke-InRunspace $rs { param($u, $p) Remove-OciImage $u, $p -Force -Connection $c -Confirm:$false -ErrorAction SilentlyContinue } @{ u = $unique; p = $pushed }
        $rs.Dispose()
        Remove-TestSandbox $box
    }

    It 'ends as it should, and no secret or base64 of one shows in any stream, object, error or $Error' {
        $script = [scriptblock]::Create("param(`$u, `$p, `$r, `$wrong)`n`$VerbosePreference = 'Continue'; `$DebugPreference = 'Continue'; `$InformationPreference = 'Continue'`n" + $scenario.Run.ToString())
        $r = Invoke-InRunspace $rs $script @{ u = $unique; p = $pushed; r = $AuthRegistry; wrong = $WrongPassword }
        Assert-Outcome $r $scenario.Expect
        Assert-NothingShows $r $rs
    }
}

BeforeDiscovery {
    # Secret-bearing parameters given a wrong type holding the secret ($s); targets by token (the test bed's are read at run time).
    $cases = @(
        @{ Method = 'PULL'; Kind = 'Image'; Target = 'small'; Parameters = { @{ credential = $s } } }
        @{ Method = 'PULL'; Kind = 'Image'; Target = 'small'; Parameters = { @{ credential = @{ username = 'u'; password = $s } } } }
        @{ Method = 'PULL'; Kind = 'Image'; Target = 'small'; Parameters = { @{ credential = (ConvertTo-SecureString $s -AsPlainText -Force) } } }
        @{ Method = 'PULL'; Kind = 'Image'; Target = 'small'; Parameters = { @{ credential = 'u', $s } } }
        @{ Method = 'PULL'; Kind = 'Image'; Target = 'small'; Parameters = { @{ credential = [System.Text.StringBuilder]::new($s) } } }
        @{ Method = 'PULL'; Kind = 'Image'; Target = 'small'; Parameters = { @{ credential = @{ inner = @{ password = $s } } } } }
        @{ Method = 'PUSH'; Kind = 'Image'; Target = 'small'; Parameters = { @{ credential = $s } } }
        @{ Method = 'PUSH'; Kind = 'Image'; Target = 'small'; Parameters = { @{ credential = [uri]"https://u:$s@host/" } } }
        @{ Method = 'LOGIN'; Kind = 'Registry'; Target = 'registry'; Parameters = { @{ credential = $s } } }
        @{ Method = 'LOGIN'; Kind = 'Registry'; Target = 'registry'; Parameters = { @{ credential = [pscustomobject]@{ UserName = 'u'; Password = $s } } } }
        @{ Method = 'EXEC'; Kind = 'Container'; Target = 'c1'; Parameters = { @{ command = 'cat'; input = @{ a = $s } } } }
        @{ Method = 'EXEC'; Kind = 'Container'; Target = 'c1'; Parameters = { @{ command = 'cat'; input = [System.Text.StringBuilder]::new($s) } } }
        @{ Method = 'CREATE'; Kind = 'Container'; Target = 'small'; Parameters = { @{ environment = @{ DB_PASSWORD = [System.Text.StringBuilder]::new($s) } } } }
        @{ Method = 'CREATE'; Kind = 'Container'; Target = 'small'; Parameters = { @{ environment = @{ API_TOKEN = @($s) } } } }
        @{ Method = 'RUN'; Kind = 'Container'; Target = 'small'; Parameters = { @{ environment = @{ SECRET_KEY = @{ v = $s } } } } }
    )
}

Describe 'A secret given with the wrong type' {
    BeforeAll {
        $rs = New-TestRunspace
        $null = Connect-InRunspace $rs
    }

    AfterAll { $rs.Dispose() }

    It '<Method> with <Parameters> is InvalidArgument and shows the secret nowhere' -ForEach $cases {
        $script = [scriptblock]::Create("param(`$t, `$wrong)`n`$VerbosePreference = 'Continue'; `$DebugPreference = 'Continue'`n`$s = `$wrong`nInvoke-OciRequest $Method `$t -Kind $Kind -Parameters (& { $Parameters }) -Connection `$c")
        $t = switch ($Target) { 'small' { $Small } 'registry' { $AuthRegistry } default { $Target } }
        $r = Invoke-InRunspace $rs $script @{ t = $t; wrong = $WrongPassword }
        $r.AllErrors.Count | Should -Be 1
        $r.AllErrors[0].FullyQualifiedErrorId | Should -Be 'Oci.InvalidArgument,Oci.PowerShell.InvokeOciRequest' -Because "$($r.AllErrors[0])"
        $r.AllErrors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Assert-NothingShows $r $rs
    }

    It 'shows the secret nowhere in a transcript of a run with -Verbose -Debug' {
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "oci-secret-$([guid]::NewGuid().ToString('N')).txt"
        # The secret comes from the environment, so the script's own text (which error views quote) does not hold it.
        $script = @"
`$ErrorActionPreference = 'Continue'
`$s = `$env:OCI_SECRET_UNDER_TEST
Start-Transcript -LiteralPath '$transcript' | Out-Null
Import-Module '$ModulePath'
`$c = Connect-OciEngine -Endpoint '$Endpoint'
Invoke-OciRequest PULL '$Small' -Parameters @{ credential = `$s } -Verbose -Debug
Invoke-OciRequest PULL '$Small' -Parameters @{ credential = @{ username = 'u'; password = `$s } } -Verbose -Debug
Invoke-OciPull '$AuthRegistry/private:latest' -Credential ([pscredential]::new('$AuthUser', (ConvertTo-SecureString `$s -AsPlainText -Force))) -Verbose -Debug
`$Error | Format-List * -Force
`$Error | ForEach-Object { `$_.Exception.ToString() }
Stop-Transcript | Out-Null
"@
        $env:OCI_SECRET_UNDER_TEST = $WrongPassword
        try {
            $out = Invoke-Pwsh @('-Command', $script) 2>&1 | Out-String
            $text = (Get-Content -LiteralPath $transcript -Raw) + "`n" + $out
            $text | Should -Match 'Oci\.InvalidArgument' -Because 'the transcript holds the refusal'
            $text | Should -Match 'Oci\.Unauthorized' -Because 'the transcript holds the wrong password''s failure'
            foreach ($form in $Forms) { $text.Contains($form) | Should -BeFalse -Because "'$form' must never show in a transcript" }
        }
        finally {
            $env:OCI_SECRET_UNDER_TEST = $null
            Remove-Item -LiteralPath $transcript -ErrorAction SilentlyContinue
        }
    }
}
