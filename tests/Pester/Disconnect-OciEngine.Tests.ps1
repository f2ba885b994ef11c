#Requires -Version 7.2
# Disconnect-OciEngine: the default, by name (wildcards, pipeline), by connection, -All, -PassThru; idempotent;
# a closed connection fails clearly when used.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Disconnect-OciEngine' {
    BeforeEach {
        Disconnect-OciEngine -All
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

    It 'a closed connection fails clearly when used' {
        $c = Connect-TestEngine -Name closed
        Disconnect-OciEngine -Connection $c
        { Invoke-OciRequest -Method PING -Connection $c -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.ConnectionClosed,Oci.PowerShell.InvokeOciRequest'
    }
}
