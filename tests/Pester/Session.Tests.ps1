#Requires -Version 7.2
# The session across cmdlets: without a connection every cmdlet says to run Connect-OciEngine; connections live
# per runspace; a connection object handed over still works, also in ForEach-Object -Parallel; the quick start.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Session state' {
    BeforeEach {
        Disconnect-OciEngine -All
    }

    It 'no connection is a clear error telling to run Connect-OciEngine' {
        { Invoke-OciPull -Reference $Small -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.NoConnection,Oci.PowerShell.InvokeOciPull' -ExpectedMessage '*Connect-OciEngine*'
        { Invoke-OciRequest -Method PING -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.NoConnection,Oci.PowerShell.InvokeOciRequest' -ExpectedMessage '*Connect-OciEngine*'
    }

    It 'two runspaces do not see or close each other''s connections' {
        $a = New-TestRunspace
        $b = New-TestRunspace
        try {
            $null = Connect-InRunspace $a -Name iso-a
            $fromB = Invoke-InRunspace $b { @(Get-OciConnection).Count; try { Invoke-OciRequest -Method PING -ErrorAction Stop } catch { $_.FullyQualifiedErrorId } }
            $fromB.Output | Should -Be @(0, 'Oci.NoConnection,Oci.PowerShell.InvokeOciRequest')

            $null = Connect-InRunspace $b -Name iso-b
            (Invoke-InRunspace $a { Get-OciConnection | ForEach-Object Name }).Output | Should -Be @('iso-a')
            (Invoke-InRunspace $b { Get-OciConnection | ForEach-Object Name }).Output | Should -Be @('iso-b')

            $r = Invoke-InRunspace $a { Disconnect-OciEngine -All }
            $r.Errors | Should -BeNullOrEmpty
            $after = Invoke-InRunspace $b { $c.Connected; (Invoke-OciRequest -Method PING).Status }
            $after.Errors | Should -BeNullOrEmpty
            $after.Output | Should -Be @($true, 'OK')
        }
        finally { $a.Dispose(); $b.Dispose() }
    }

    It 'a connection object handed to another runspace works but is not adopted' {
        $a = New-TestRunspace
        $b = New-TestRunspace
        try {
            $c = Connect-InRunspace $a -Name handed
            $b.SessionStateProxy.SetVariable('h', $c)
            $r = Invoke-InRunspace $b { (Invoke-OciRequest -Method PING -Connection $h).Status; @(Get-OciConnection).Count }
            $r.Errors | Should -BeNullOrEmpty
            $r.Output | Should -Be @('OK', 0)
            $b.Dispose()
            (Invoke-InRunspace $a { $c.Connected }).Output | Should -Be @($true)
        }
        finally { $a.Dispose(); $b.Dispose() }
    }

    It 'ForEach-Object -Parallel shares one connection for concurrent pulls and requests' {
        $c = Connect-TestEngine -Name shared
        $lines = @(1..6 | ForEach-Object -ThrottleLimit 6 -Parallel {
                Import-Module $using:ModulePath
                $conn = $using:c
                if ($_ % 2) { 'pull ' + (Invoke-OciPull -Reference $using:Small -Connection $conn -ErrorAction Stop).Data.Id }
                else { 'inspect ' + (Invoke-OciRequest -Method INSPECT -Target $using:Small -Connection $conn -ErrorAction Stop).Data.Id }
                'seen ' + @(Get-OciConnection).Count
            })
        $c.Connected | Should -BeTrue
        $id = (Invoke-OciRequest -Method INSPECT -Target $Small -Connection $c).Data.Id
        $id | Should -Match '^sha256:[0-9a-f]{64}$'
        @($lines | Where-Object { $_ -eq "pull $id" }).Count | Should -Be 3
        @($lines | Where-Object { $_ -eq "inspect $id" }).Count | Should -Be 3
        @($lines | Where-Object { $_ -eq 'seen 0' }).Count | Should -Be 6
        $lines.Count | Should -Be 12
    }

    It 'the issue''s "Done when" script works' {
        $rs = New-TestRunspace -NoModule
        try {
            $r = Invoke-InRunspace $rs {
                Import-Module $ModulePath
                Connect-OciEngine -Endpoint $Endpoint | Out-Null
                $Small | Invoke-OciPull
                Invoke-OciRequest -Method LIST -Kind IMAGE
                Get-OciConnection | Disconnect-OciEngine
                @(Get-OciConnection).Count
            }
            $r.Errors | Should -BeNullOrEmpty
            $r.Output.Count | Should -Be 3
            @($r.Output[0].Method, $r.Output[1].Method) | Should -Be @('PULL', 'LIST')
            $r.Output[0..1] | ForEach-Object { $_.GetType().FullName | Should -Be 'Oci.OciResponse' }
            $r.Output[0].Data.GetType().FullName | Should -Be 'Oci.OciImage'
            $r.Output[2] | Should -Be 0
            $r.Progress.Count | Should -BeGreaterThan 0
        }
        finally { $rs.Dispose() }
    }
}
