#Requires -Version 7.2
# Invoke-OciPull and Invoke-OciRequest PULL: progress of a real download, and Ctrl+C (PowerShell.Stop) during
# one. Removes the shared images big and layers from the engine to force a real download (Pester runs files one
# after another, so nothing else pulls them meanwhile).

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    $RemoveImage = {
        param($Ref)
        try { $i = Invoke-OciRequest -Method INSPECT -Target $Ref -ErrorAction Stop } catch { $i = $null }
        if ($i) { Invoke-OciRequest -Method REMOVE -Target $i.Data.Id -Parameters @{ force = $true } | Out-Null }
        try { Invoke-OciRequest -Method INSPECT -Target $Ref -ErrorAction Stop | Out-Null; 'still there' } catch { $_.FullyQualifiedErrorId }
    }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'A real download' {
    BeforeEach {
        $rs = New-TestRunspace
        $null = Connect-InRunspace $rs
    }

    AfterEach {
        $rs.Dispose()
    }

    It 'shows a parent bar per image and a child bar per layer, all completed' {
        (Invoke-InRunspace $rs $RemoveImage @{ Ref = $Layers }).Output | Should -Be @('Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest')

        $r = Invoke-InRunspace $rs { $Small, $Layers | Invoke-OciPull }
        $r.Errors | Should -BeNullOrEmpty
        $r.Output.Count | Should -Be 2
        $progress = $r.Progress
        $progress.Count | Should -BeGreaterThan 0

        $parents = @($progress | Where-Object ParentActivityId -lt 0)
        $children = @($progress | Where-Object ParentActivityId -ge 0)
        $mentions = { param($p, $ref) "$($p.Activity)".Contains($ref) -or "$($p.StatusDescription)".Contains($ref) }
        $smallBar = @($parents | Where-Object { & $mentions $_ $Small })
        $layersBar = @($parents | Where-Object { & $mentions $_ $Layers })
        $smallBar.Count | Should -BeGreaterThan 0
        $layersBar.Count | Should -BeGreaterThan 0
        @($layersBar.ActivityId | Select-Object -Unique).Count | Should -Be 1
        $layersId = $layersBar[0].ActivityId
        $layerChildren = @($children | Where-Object ParentActivityId -eq $layersId)
        @($layerChildren.ActivityId | Select-Object -Unique).Count | Should -BeGreaterOrEqual 24 -Because 'a child bar for each of the 24 layers'
        @($layerChildren | Where-Object ActivityId -eq $layersId).Count | Should -Be 0
        foreach ($child in $children) { $parents.ActivityId | Should -Contain $child.ParentActivityId }
        foreach ($bar in ($progress | Group-Object { '{0}/{1}' -f $_.ActivityId, $_.ParentActivityId })) {
            "$($bar.Group[-1].RecordType)" | Should -Be 'Completed' -Because "bar $($bar.Name) ($($bar.Group[-1].Activity)) must end completed"
        }
        $progress[-1].ActivityId | Should -Be $layersId
        "$($progress[-1].RecordType)" | Should -Be 'Completed'
    }

    It 'pulls without progress when progress is not shown ($ProgressPreference, -ProgressAction)' {
        (Invoke-InRunspace $rs $RemoveImage @{ Ref = $Layers }).Output | Should -Be @('Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest')
        $quiet = Invoke-InRunspace $rs { $ProgressPreference = 'SilentlyContinue'; Invoke-OciPull $Layers }
        $quiet.Errors | Should -BeNullOrEmpty
        $quiet.Output.Count | Should -Be 1
        $quiet.Output[0].Status | Should -Be 'Downloaded newer image'
        @($quiet.Progress).Count | Should -Be 0
        $byParameter = Invoke-InRunspace $rs { Invoke-OciRequest PULL $Layers -ProgressAction SilentlyContinue }
        $byParameter.Errors | Should -BeNullOrEmpty
        $byParameter.Output[0].Status | Should -Be 'Image is up to date'
        @($byParameter.Progress).Count | Should -Be 0
    }

    It 'throttles progress on a big pull' {
        (Invoke-InRunspace $rs $RemoveImage @{ Ref = $Big }).Output | Should -Be @('Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest')
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $r = Invoke-InRunspace $rs { Invoke-OciPull -Reference $Big }
        $watch.Stop()
        $r.Errors | Should -BeNullOrEmpty
        @($r.Output | ForEach-Object Target) | Should -Be @($Big)
        $bars = @($r.Progress.ActivityId | Select-Object -Unique).Count
        # The engine reports a 256 MB layer in hundreds of steps; the host gets about 10 updates a second per bar,
        # plus the phase changes and completions.
        $allowed = $bars * (8 + 12 * $watch.Elapsed.TotalSeconds)
        $r.Progress.Count | Should -BeLessOrEqual $allowed -Because "$($r.Progress.Count) records for $bars bars in $($watch.Elapsed.TotalSeconds) s would flood the host"
        $r.Progress.Count | Should -BeGreaterOrEqual (2 * $bars)
    }

    It 'Ctrl+C stops a big pull within seconds and the connection still works (<_>)' -ForEach @(
        'Invoke-OciPull -Reference $Big -Connection $c'
        'Invoke-OciRequest -Method PULL -Target $Big -Connection $c'
    ) {
        $command = $_
        (Invoke-InRunspace $rs $RemoveImage @{ Ref = $Big }).Output | Should -Be @('Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest')

        $ps = [powershell]::Create()
        try {
            $ps.Runspace = $rs
            $null = $ps.AddScript($command)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $inputData = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $inputData.Complete()   # no input: the script runs at once
            $pending = $ps.BeginInvoke($inputData, $output)
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            # Stop once the engine is really downloading: the first layer (child) bar, not just the image bar the cmdlet opens at once.
            $layerBar = { @($ps.Streams.Progress | Where-Object ParentActivityId -ge 0).Count -gt 0 }
            while (-not (& $layerBar) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 5 }
            & $layerBar | Should -BeTrue -Because "a layer progress record arrives within 30 s of starting the pull of $Big"

            $stopping = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $pending.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(30)) | Should -BeTrue
            $stopping.Stop()
            Write-Host "stopped $([int]$stopping.Elapsed.TotalMilliseconds) ms after Stop()"

            "$($ps.InvocationStateInfo.State)" | Should -Be 'Stopped'
            $output.Count | Should -Be 0 -Because 'the pull did not finish'
            # A hang guard, 10x the "about a second" the help promises (milliseconds are usual).
            $stopping.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'Stop cancels the pull, it does not wait for it'
        }
        finally { $ps.Dispose() }

        $after = Invoke-InRunspace $rs { $c.Connected; (Invoke-OciRequest -Method PING -Connection $c).Status; (Invoke-OciPull $Small -Connection $c).Target }
        $after.Errors | Should -BeNullOrEmpty
        $after.Output | Should -Be @($true, 'OK', $Small)
    }
}
