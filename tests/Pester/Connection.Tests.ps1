#Requires -Version 7.2
# Mirrors tests/Oci.PowerShell.Tests/ConnectionTests.cs (same cases, same assertions): Connect-OciEngine,
# Get-OciConnection, Disconnect-OciEngine and the session default.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Connections' {
    BeforeEach {
        Disconnect-OciEngine -All
    }

    It 'Connect-OciEngine outputs a typed connection, named oci1 then oci2 in a fresh runspace' {
        $rs = New-TestRunspace
        try {
            $r = Invoke-InRunspace $rs { Connect-OciEngine -Endpoint $Endpoint; Connect-OciEngine -Endpoint $Endpoint }
            $r.Errors | Should -BeNullOrEmpty
            $r.Output.Count | Should -Be 2
            $c = $r.Output[0]
            $c | Should -BeOfType ([Oci.PowerShell.OciConnection])
            $c.PSObject.TypeNames[0] | Should -Be 'Oci.PowerShell.OciConnection'
            $c.Name | Should -Be 'oci1'
            $r.Output[1].Name | Should -Be 'oci2'
            $c.Driver | Should -Be 'docker'
            $c.Endpoint | Should -Be $Endpoint
            $c.Engine | Should -Be 'Docker'
            $c.EngineVersion | Should -Match '^\d+\.\d+'
            $c.ApiVersion | Should -Match '^1\.\d+$'
            $c.Connected | Should -BeTrue
        }
        finally { $rs.Dispose() }
    }

    It 'takes the endpoint by position, and -Driver and -Name' {
        $c = Connect-OciEngine $Endpoint -Driver docker -Name 'pos'
        $c.Name | Should -Be 'pos'
        $c.Driver | Should -Be 'docker'
        $c.Endpoint | Should -Be $Endpoint
    }

    It 'refuses a name in use or a wildcard name, and keeps the session' {
        $c = Connect-TestEngine -Name dup
        $err = { Connect-OciEngine -Endpoint $Endpoint -Name dup -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.ConnectionNameInUse,Oci.PowerShell.ConnectOciEngine' -PassThru
        $err.CategoryInfo.Category | Should -Be 'ResourceExists'
        $err.TargetObject | Should -Be 'dup'
        $err = { Connect-OciEngine -Endpoint $Endpoint -Name 'bad*' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.ConnectOciEngine' -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Get-OciConnection | ForEach-Object Name) -join ',' | Should -Be 'dup'
        $c.Connected | Should -BeTrue
    }

    It 'makes the new connection the default; disconnecting the default clears it' {
        $a = Connect-TestEngine -Name first
        $b = Connect-TestEngine -Name second
        Disconnect-OciEngine -Name first
        (Invoke-OciRequest -Method PING).Method | Should -Be 'PING'
        $t = Connect-TestEngine -Name third
        Disconnect-OciEngine -Name third
        { Invoke-OciRequest -Method PING -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.NoConnection,Oci.PowerShell.InvokeOciRequest'
        (Invoke-OciRequest -Method PING -Connection $b).Status | Should -Be 'OK'
    }

    It 'Get-OciConnection lists all, by name and by wildcard' {
        $null = Connect-TestEngine -Name web-1
        $null = Connect-TestEngine -Name web-2
        $null = Connect-TestEngine -Name db
        @(Get-OciConnection | ForEach-Object Name | Sort-Object -CaseSensitive) | Should -Be @('db', 'web-1', 'web-2')
        @(Get-OciConnection web* | ForEach-Object Name | Sort-Object -CaseSensitive) | Should -Be @('web-1', 'web-2')
        (Get-OciConnection -Name db).Name | Should -Be 'db'
        @(Get-OciConnection -Name 'db', 'web-2' | ForEach-Object Name | Sort-Object -CaseSensitive) | Should -Be @('db', 'web-2')
        @(Get-OciConnection 'nomatch*').Count | Should -Be 0
        @(Get-OciConnection | Where-Object { $_ -is [Oci.PowerShell.OciConnection] }).Count | Should -Be 3
    }

    It 'Get-OciConnection: an unknown literal name is a non-terminating not-found error; names bind from the pipeline' {
        $null = Connect-TestEngine -Name db
        $names = @(Get-OciConnection -Name nosuch, db -ErrorVariable errs -ErrorAction SilentlyContinue | ForEach-Object Name)
        $names += 'db' | Get-OciConnection | ForEach-Object Name
        $names += [pscustomobject]@{ Name = 'db' } | Get-OciConnection | ForEach-Object Name
        $names | Should -Be @('db', 'db', 'db')
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'Oci.ConnectionNotFound,Oci.PowerShell.GetOciConnection'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be 'nosuch'
    }

    It 'Disconnect-OciEngine without arguments closes the default; -Name takes wildcards' {
        $null = Connect-TestEngine -Name web-1
        $null = Connect-TestEngine -Name web-2
        $db = Connect-TestEngine -Name db
        Disconnect-OciEngine
        $db.Connected | Should -BeFalse
        @(Get-OciConnection | ForEach-Object Name | Sort-Object -CaseSensitive) | Should -Be @('web-1', 'web-2')
        Disconnect-OciEngine -Name web*
        @(Get-OciConnection).Count | Should -Be 0
        { Disconnect-OciEngine -ErrorAction Stop } | Should -Not -Throw
    }

    It 'Get-OciConnection | Disconnect-OciEngine closes them all' {
        $p1 = Connect-TestEngine -Name p1
        $p2 = Connect-TestEngine -Name p2
        Get-OciConnection | Disconnect-OciEngine
        @(Get-OciConnection).Count | Should -Be 0
        $p1.Connected | Should -BeFalse
        $p2.Connected | Should -BeFalse
    }

    It 'Disconnect-OciEngine takes -Name from the pipeline by property name' {
        $k = Connect-TestEngine -Name keep
        $d = Connect-TestEngine -Name drop
        [pscustomobject]@{ Name = 'drop' } | Disconnect-OciEngine
        (Get-OciConnection | ForEach-Object Name) -join ',' | Should -Be 'keep'
        $d.Connected | Should -BeFalse
        $k.Connected | Should -BeTrue
    }

    It 'Disconnect-OciEngine -Connection, -All, -PassThru, and is idempotent' {
        $one = Connect-TestEngine -Name one
        $two = Connect-TestEngine -Name two
        $three = Connect-TestEngine -Name three
        $out = Disconnect-OciEngine -Connection $one -PassThru
        $out.Name | Should -Be 'one'
        $out.Connected | Should -BeFalse
        @(Disconnect-OciEngine -Connection $one).Count | Should -Be 0
        { Disconnect-OciEngine -Connection $one -ErrorAction Stop } | Should -Not -Throw
        @(Get-OciConnection | ForEach-Object Name | Sort-Object -CaseSensitive) | Should -Be @('three', 'two')
        Disconnect-OciEngine -All
        @(Get-OciConnection).Count | Should -Be 0
        $two.Connected | Should -BeFalse
        $three.Connected | Should -BeFalse
        { Disconnect-OciEngine -All -ErrorAction Stop } | Should -Not -Throw
    }

    It 'a dead endpoint is a ConnectionError on that endpoint' {
        $err = { Connect-OciEngine -Endpoint $DeadEndpoint -Name dead -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.EngineUnavailable,Oci.PowerShell.ConnectOciEngine' -PassThru
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.TargetObject | Should -Be $DeadEndpoint
        "$err" | Should -BeLike "*$DeadEndpoint*"
        @(Get-OciConnection).Count | Should -Be 0
        { Invoke-OciRequest -Method PING -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.NoConnection,Oci.PowerShell.InvokeOciRequest'
    }

    It 'an unknown driver is an error naming it and the registered drivers' {
        $err = { Connect-OciEngine -Endpoint $Endpoint -Driver nosuchdriver -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Oci.*,Oci.PowerShell.ConnectOciEngine'
        "$err" | Should -BeLike '*nosuchdriver*'
        "$err" | Should -BeLike '*docker*'
    }

    It 'no connection is a clear error telling to run Connect-OciEngine' {
        { Invoke-OciPull -Reference $Small -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.NoConnection,Oci.PowerShell.InvokeOciPull' -ExpectedMessage '*Connect-OciEngine*'
        { Invoke-OciRequest -Method PING -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.NoConnection,Oci.PowerShell.InvokeOciRequest' -ExpectedMessage '*Connect-OciEngine*'
    }

    It 'a closed connection fails clearly when used' {
        $c = Connect-TestEngine -Name closed
        Disconnect-OciEngine -Connection $c
        { Invoke-OciRequest -Method PING -Connection $c -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.ConnectionClosed,Oci.PowerShell.InvokeOciRequest'
    }
}
