import { cpus, totalmem, platform, release } from 'node:os';

export interface Machine {
  readonly node: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly date: string;
}

export const describeMachine = (): Machine => {
  const cpuList = cpus();
  return {
    node: process.version,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    date: new Date().toISOString(),
  };
};
